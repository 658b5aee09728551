import { describe, expect, it } from 'vitest';
import { parsePeriod, periodOrder } from './period-label';

const span = (l: string) => {
  const p = parsePeriod(l);
  return p && [p.kind, p.start, p.end];
};

describe('period labels', () => {
  it('reads years, financial years and pooled years with the calendar years they touch', () => {
    expect(span('2023')).toEqual(['year', 2023, 2023]);
    expect(span('2023/24')).toEqual(['financial-year', 2023, 2024]);
    expect(span('2023-24')).toEqual(['financial-year', 2023, 2024]);
    expect(span('2023/2024')).toEqual(['financial-year', 2023, 2024]);
    expect(span('1999-00')).toEqual(['financial-year', 1999, 2000]);
    expect(span('2016 - 18')).toEqual(['years', 2016, 2018]);
    expect(span('2016-2020')).toEqual(['years', 2016, 2020]);
  });

  it('reads calendar and financial-year quarters, with the year each quarter falls in', () => {
    expect(span('2023 Q1')).toEqual(['quarter', 2023, 2023]);
    expect(span('2023Q4')).toEqual(['quarter', 2023, 2023]);
    expect(span('Q2 2023')).toEqual(['quarter', 2023, 2023]);
    expect(span('2023-24 Q2')).toEqual(['quarter', 2023, 2023]);
    // Q4 of 2023/24 is January–March 2024
    expect(span('Q4 2023/24')).toEqual(['quarter', 2024, 2024]);
    expect(parsePeriod('2023-24 Q1')!.order).toBe(parsePeriod('2023-04')!.order);
    expect(parsePeriod('2023 Q1')!.order).toBe(parsePeriod('Jan 2023')!.order);
  });

  it('reads months written as 2023-04, Apr 2023, April 2023 or Apr-23', () => {
    for (const l of ['2023-04', 'Apr 2023', 'April 2023', 'Apr-23', 'apr. 2023']) expect(parsePeriod(l)).toMatchObject({ kind: 'month', order: 2023 * 12 + 3, start: 2023 });
  });

  it('is not fooled by text that is not a period', () => {
    for (const l of ['', 'Persons', '2023 Q5', 'Q1', 'Total 2023', '2023-19', '12345', 'Male 2023']) expect(parsePeriod(l), l).toBeNull();
  });

  it('orders a column of labels in time, not text, order', () => {
    expect(periodOrder(['Q1 2023/24', 'Q4 2022/23', 'Q2 2023/24', 'Q4 2023/24', 'Q3 2023/24'])).toEqual(['Q4 2022/23', 'Q1 2023/24', 'Q2 2023/24', 'Q3 2023/24', 'Q4 2023/24']);
    expect(periodOrder(['Jan 2024', 'Dec 2023', 'March 2023', 'Apr 2023'])).toEqual(['March 2023', 'Apr 2023', 'Dec 2023', 'Jan 2024']);
    expect(periodOrder(['2023-24', '2021-22', '2022-23'])).toEqual(['2021-22', '2022-23', '2023-24']);
    // beside other months, "2011-12" is December 2011
    expect(periodOrder(['2011-12', '2011-11', '2012-01'])).toEqual(['2011-11', '2011-12', '2012-01']);
    expect(periodOrder(['2023', 'Persons'])).toBeNull();
  });
});
