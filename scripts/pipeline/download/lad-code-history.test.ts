import { describe, expect, it } from 'vitest';
import { parseCsv } from '../read-raw';
import { ladCodesByYear } from './lad-code-history';

const HISTORY = `GEOGCD,GEOGNM,GEOGNMW,SI_ID,SI_TITLE,OPER_DATE,TERM_DATE,PARENTCD,ENTITYCD,OWNER,STATUS
E07000004,Aylesbury Vale,,,,01/04/2009 00:00:00,31/03/2020 00:00:00,,E07,ONS,terminated
E07000005,Chiltern,,,,01/04/2009 00:00:00,31/03/2020 00:00:00,,E07,ONS,terminated
E06000060,Buckinghamshire,,,,01/04/2020 00:00:00,,,E06,ONS,live
E09000001,City of London,,,,01/04/2009 00:00:00,,,E09,ONS,live
E07000112,Folkestone and Hythe,,,,01/04/2009 00:00:00,,,E07,ONS,live
S12000015,Fife,,,,01/04/2009,01/02/2018,,S12,NRS,terminated
S12000024,Perth and Kinross,,,,01/04/2009,01/02/2018,,S12,NRS,terminated
S12000047,Fife,,,,02/02/2018,,,S12,NRS,live
S12000048,Perth and Kinross,,,,02/02/2018,,,S12,NRS,live
E05000001,"A ward, with a comma",,,,01/05/2010,,E09000001,E05,ONS,live
`;
// A boundary change between Fife and Perth and Kinross lists both new codes for both old ones.
const CHANGES = `GEOGCD,GEOGNM,GEOGNMW,GEOGCD_P,GEOGNM_P,GEOGNMW_P,SI_ID,SI_TITLE,OPER_DATE,ENTITYCD,YEAR
E06000060,Buckinghamshire,,E07000004,Aylesbury Vale,,SI1,"The Buckinghamshire (Structural Changes) Order 2019",01/04/2020,E06,2020
E06000060,Buckinghamshire,,E07000005,Chiltern,,SI1,"The Buckinghamshire (Structural Changes) Order 2019",01/04/2020,E06,2020
E07000112,Folkestone and Hythe,,E07000112,Shepway,,SI3,Change of name,01/04/2018,E07,2018
S12000047,Fife,,S12000015,Fife,,SI2,Boundary change,02/02/2018,S12,2018
S12000047,Fife,,S12000024,Perth and Kinross,,SI2,Boundary change,02/02/2018,S12,2018
S12000048,Perth and Kinross,,S12000015,Fife,,SI2,Boundary change,02/02/2018,S12,2018
S12000048,Perth and Kinross,,S12000024,Perth and Kinross,,SI2,Boundary change,02/02/2018,S12,2018
`;

describe('ladCodesByYear (Code History Database → one row per 2016 district)', () => {
  const rows = parseCsv(ladCodesByYear(CHANGES, HISTORY, 'chd.zip').csv, 'out');
  const row = (code16: string) => rows.find((r) => r.ltla16_code === code16)!;

  it('has one row per district live at the end of 2016, and no other geographies', () => {
    expect(rows.map((r) => r.ltla16_code)).toEqual(['E07000004', 'E07000005', 'E07000112', 'E09000001', 'S12000015', 'S12000024']);
  });

  it('follows a merger to the new authority from the year it took effect', () => {
    expect([row('E07000005').ltla19_code, row('E07000005').ltla20_code, row('E07000005').ltla24_code]).toEqual(['E07000005', 'E06000060', 'E06000060']);
    expect(row('E07000004').ltla24_name).toBe('Buckinghamshire');
    expect(row('E09000001').ltla24_code).toBe('E09000001');
  });

  it('gives a renamed district its old name before the change and its new name after', () => {
    expect([row('E07000112').ltla17_name, row('E07000112').ltla18_name, row('E07000112').ltla24_code]).toEqual(['Shepway', 'Folkestone and Hythe', 'E07000112']);
  });

  it('follows a two-way recode to the successor of the same name', () => {
    expect(row('S12000015').ltla18_code).toBe('S12000047');
    expect(row('S12000024').ltla18_code).toBe('S12000048');
  });

  it('names the file and the missing columns when the layout changes', () => {
    expect(() => ladCodesByYear(CHANGES, HISTORY.replace('TERM_DATE', 'END_DATE'), 'chd.zip')).toThrow(/chd\.zip ChangeHistory\.csv: columns TERM_DATE missing/);
  });
});
