/**
 * The preset deflate dictionary of share-link format 2: text that typical settings repeat (key
 * names, default values), so a link that changes a few settings compresses to a few dozen
 * characters instead of ~700. NEVER EDIT THIS TEXT: every format 2 link was compressed against
 * these exact bytes and cannot be read with others. New keys and changed defaults need no change
 * here (they only compress a little less well); a new dictionary means a new link format.
 */
import { strToU8 } from 'fflate';

const TEXT =
  '{"level":"icb24","code":"E54000057"},{"level":"lad24","code":"E08000003"},"ward24","lad24","sicbl24","cal19","lsoa11",' +
  '"imd2025.income.score","imd2025.income.share20","imd2025.imd.decile","imd2025.imd.rank","smoking.gpps.current","cancer.register.prevalence",' +
  '"palette":"YlOrRd","palette":"magma","classification":{"method":"ckmeans","classes":5,"custom":null,"scope":"focus"},"scope":"england",' +
  '"mode":"composite","mode":"hotspots","mode":"rules","mode":"bivariate","sl":{"l":"lsoa21","t":"Shortlist","c":[{"id":"imd2025.imd.score","dims":{}}],' +
  '"codes":{"n":100,"w":3,"m":1000,"s":30000,"p":["E01"]}},"sl":{"l":"ward24","codes":{"n":20,"w":2,"m":5000,"s":3000,"p":["E05"]}},' +
  '"dims":{"period":"2019-2023","sex":"persons","site":"lung"},' +
  '{"v":1,"level":"lsoa21","indicator":"imd2025.imd.score","dims":{},"palette":"viridis","classification":null,"focus":null,' +
  '"viewport":{"longitude":-1.9,"latitude":52.9,"zoom":5.6},"selected":null,"mode":"indicator",' +
  '"hotspots":{"stat":"gistar","x":{"id":"imd2025.imd.score","dims":{}},"y":{"id":"cancer.incidence.dsr","dims":{}},' +
  '"weights":{"kind":"queen","k":8,"bandKm":null,"style":"W","islands":"flag","file":null},"permutations":999,"seed":1,"correction":"fdr","alpha":0.05},' +
  '"combine":{"composite":{"inputs":[{"indicator":"imd2025.imd.score","dims":{},"direction":"higher","weight":1},' +
  '{"indicator":"smoking.aps.current","dims":{},"direction":"higher","weight":1},{"indicator":"cancer.incidence.dsr","dims":{},"direction":"higher","weight":1}],' +
  '"normalisation":"percentile","reference":"england","classification":{"method":"quantile","classes":5,"custom":null,"breaksFrom":null}},' +
  '"rules":{"conditions":[{"indicator":"imd2025.imd.decile","dims":{},"test":{"kind":"worst-deciles","deciles":2}},' +
  '{"indicator":"smoking.aps.current","dims":{},"test":{"kind":"worse-than-england"}}],"inFocus":false},' +
  '"bivariate":{"x":{"indicator":"imd2025.imd.score","dims":{},"classification":{"method":"quantile","classes":3,"custom":null,"breaksFrom":null}},' +
  '"y":{"indicator":"smoking.aps.current","dims":{},"classification":{"method":"quantile","classes":3,"custom":null,"breaksFrom":null}},"scheme":"blue-orange"}}}';

export const LINK_DICTIONARY_V2 = strToU8(TEXT);
