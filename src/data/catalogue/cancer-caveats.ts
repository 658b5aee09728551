/** Caveats of the cancer measures, from the data's own documentation (shared/data/MANIFEST.md §5, §7, §8). */

export const INCIDENCE_CAVEATS = [
  'Measured for Sub-ICB locations (former CCGs, 100,000 to 3 million residents). On local authority, ward and LSOA maps every area shows its Sub-ICB location\'s value: this is not small-area data. A local authority that straddles two Sub-ICB locations shows the one where most of its residents live.',
  'Age-standardised rates use the 2013 European Standard Population collapsed to the six age bands the counts come in (under 25, 25–49, 50–59, 60–69, 70–79, 80+), with 95 % limits by Dobson\'s method. This approximates the official NDRS rates (five-year bands): good for comparing areas, not identical to published figures.',
  '"18 common cancers combined" is the sum of the 18 sites held here, about 86 % of all cancers (282,130 of 327,174 in 2019); it leaves out, for example, head and neck, brain and non-melanoma skin cancers.',
  '2020 counts are lower because of the COVID-19 pandemic (lung cancer −8 % on 2019); the map\'s default period 2016–2020 includes 2020. For usual levels compare 2015–2019 or 2017–2019 (the composite index and the "high lung cancer" rule use 2015–2019).',
  'Sites differ in how they follow deprivation: lung (strongly, through smoking), head and neck, oesophagus, stomach, bladder, cervix and liver cancers are more common in deprived areas; breast, prostate and melanoma are more common in less deprived areas. "18 common cancers combined" mixes both, so for smoking- and deprivation-led targeting use lung cancer.',
  'Rates from fewer than 10 cases are not shown ("suppressed: fewer than 10 cases"), following OHID practice; they are never drawn or ranked as zero.',
  'Birmingham and Solihull and the Black Country are published as one combined unit: both Sub-ICB locations show the combined rate, and the count and person-years shown are the whole unit\'s. ICB and Cancer Alliance totals split the unit\'s cases by residents, so each case counts once.',
  'Four areas were re-drawn in 2022 and are published under their old CCG codes: Tameside (without Glossop), Derby and Derbyshire (with Glossop), Cambridgeshire and Peterborough, and Northamptonshire (after a small transfer between them). Their populations were re-scaled from CCG 2021 estimates with mid-2015 age-group factors, assumed constant over 2001–2020: rates there are approximate.',
  'Surrey Heartlands and West Sussex were recoded in 2024 (E38000246 → E38000264, E38000248 → E38000265) when four LSOAs moved between them; their values are for the 2022 areas.',
  'ICB and Cancer Alliance age-standardised rates are resident-weighted averages of the Sub-ICB rates, close to but not the same as standardising the whole area, and have no confidence interval. Three Sub-ICB locations (Bath and North East Somerset, Swindon and Wiltshire; Frimley; North Yorkshire) lie in two or three 2019 Cancer Alliances; their cases are divided by residents.',
  'Cancer Alliances are shown as defined in 2019 (on CCGs); alliance boundaries have changed since.',
  'The counts are a 2023 CancerData extract copied by researchers, not an official download; late registrations make recent years slightly higher than in Cancer Registration Statistics 2019.',
];

export const MORTALITY_CAVEATS = [
  'Measured for whole local authorities: on LSOA and ward maps every area shows its council\'s value. This is not small-area data.',
  'The series ends with 2015–17 and uses the councils of that time. Councils created since 2019 by merging districts (BCP, Dorset, East Suffolk, West Suffolk, Somerset West and Taunton, Buckinghamshire, North and West Northamptonshire, Cumberland, Westmorland and Furness, North Yorkshire, Somerset) have no value; their notes list the predecessor districts\' values, which are not averaged.',
  'No confidence intervals are held here, so no area is flagged as significantly different from England.',
  'Superseded: OHID replaced this indicator with one on a revised definition of preventable cancers (from 2021); the last period here is 2015–17.',
  'Sub-ICB, ICB and Cancer Alliance values are averages of council rates weighted by all residents (Census 2021); weights of residents under 75 would be exact.',
  'Not published for the Isles of Scilly, and for the City of London in some periods (small numbers).',
];

export const QOF_CAVEATS = [
  'A register of people living after a cancer diagnosis (since 2003), not new cases: it rises with an older population and with better survival, so a higher value is not simply worse.',
  'Counts registered patients of the practices in each Sub-ICB location (NHS England\'s 2022-23 practice mapping), wherever they live. On local authority, ward and LSOA maps every area shows its Sub-ICB location\'s value.',
  'Practice points use the practice addresses of May 2019 (NHS website), geocoded to postcodes: 18 practices opened since then have no point, and a practice\'s patients live around, not at, its address.',
];
