/** Date literal ranges, datetime literals and formats, and id normalization of the SOQL engine. */
import {
  dateLiteralRange,
  datetimeLiteral,
  formatDatetime,
  normalizeId,
} from '../../cli/src/localorg/soql/values.ts';

describe('date literal ranges, [start, end) in UTC days', () => {
  const now = new Date('2026-11-25T15:30:00.000Z'); // a Wednesday in Q4
  const cases: [string, number | undefined, string, string][] = [
    ['YESTERDAY', undefined, '2026-11-24', '2026-11-25'],
    ['TODAY', undefined, '2026-11-25', '2026-11-26'],
    ['TOMORROW', undefined, '2026-11-26', '2026-11-27'],
    ['LAST_WEEK', undefined, '2026-11-15', '2026-11-22'],
    ['THIS_WEEK', undefined, '2026-11-22', '2026-11-29'],
    ['NEXT_WEEK', undefined, '2026-11-29', '2026-12-06'],
    ['LAST_MONTH', undefined, '2026-10-01', '2026-11-01'],
    ['THIS_MONTH', undefined, '2026-11-01', '2026-12-01'],
    ['NEXT_MONTH', undefined, '2026-12-01', '2027-01-01'],
    ['LAST_90_DAYS', undefined, '2026-08-27', '2026-11-26'],
    ['NEXT_90_DAYS', undefined, '2026-11-26', '2027-02-24'],
    ['LAST_N_DAYS', 7, '2026-11-18', '2026-11-26'],
    ['NEXT_N_DAYS', 7, '2026-11-26', '2026-12-03'],
    ['N_DAYS_AGO', 3, '2026-11-22', '2026-11-23'],
    ['LAST_N_WEEKS', 2, '2026-11-08', '2026-11-22'],
    ['NEXT_N_WEEKS', 2, '2026-11-29', '2026-12-13'],
    ['N_WEEKS_AGO', 1, '2026-11-15', '2026-11-22'],
    ['LAST_N_MONTHS', 2, '2026-09-01', '2026-11-01'],
    ['NEXT_N_MONTHS', 2, '2026-12-01', '2027-02-01'],
    ['N_MONTHS_AGO', 1, '2026-10-01', '2026-11-01'],
    ['THIS_QUARTER', undefined, '2026-10-01', '2027-01-01'],
    ['LAST_QUARTER', undefined, '2026-07-01', '2026-10-01'],
    ['NEXT_QUARTER', undefined, '2027-01-01', '2027-04-01'],
    ['LAST_N_QUARTERS', 2, '2026-04-01', '2026-10-01'],
    ['NEXT_N_QUARTERS', 2, '2027-01-01', '2027-07-01'],
    ['N_QUARTERS_AGO', 1, '2026-07-01', '2026-10-01'],
    ['THIS_YEAR', undefined, '2026-01-01', '2027-01-01'],
    ['LAST_YEAR', undefined, '2025-01-01', '2026-01-01'],
    ['NEXT_YEAR', undefined, '2027-01-01', '2028-01-01'],
    ['LAST_N_YEARS', 2, '2024-01-01', '2026-01-01'],
    ['NEXT_N_YEARS', 2, '2027-01-01', '2029-01-01'],
    ['N_YEARS_AGO', 2, '2024-01-01', '2025-01-01'],
    ['THIS_FISCAL_QUARTER', undefined, '2026-10-01', '2027-01-01'],
    ['LAST_FISCAL_YEAR', undefined, '2025-01-01', '2026-01-01'],
    ['LAST_N_FISCAL_YEARS', 1, '2025-01-01', '2026-01-01'],
    ['N_FISCAL_QUARTERS_AGO', 2, '2026-04-01', '2026-07-01'],
  ];
  test.each(cases)('%s %s', (literal, n, start, end) => {
    expect(dateLiteralRange(literal, n, now)).toEqual({ start, end });
  });

  test('across a year boundary', () => {
    const january = new Date('2026-01-15T00:00:00.000Z');
    expect(dateLiteralRange('LAST_MONTH', undefined, january)).toEqual({
      start: '2025-12-01',
      end: '2026-01-01',
    });
    expect(dateLiteralRange('LAST_QUARTER', undefined, january)).toEqual({
      start: '2025-10-01',
      end: '2026-01-01',
    });
    expect(dateLiteralRange('LAST_N_DAYS', 20, january)).toEqual({ start: '2025-12-26', end: '2026-01-16' });
  });

  test('a Sunday starts its own week; the day is the UTC day', () => {
    expect(dateLiteralRange('THIS_WEEK', undefined, new Date('2026-11-22T00:00:00.000Z'))).toEqual({
      start: '2026-11-22',
      end: '2026-11-29',
    });
    expect(dateLiteralRange('TODAY', undefined, new Date('2026-11-25T23:59:59.999Z'))).toEqual({
      start: '2026-11-25',
      end: '2026-11-26',
    });
  });

  test('an unknown literal has no range', () => {
    expect(dateLiteralRange('SOMEDAY', undefined, now)).toBeUndefined();
  });
});

describe('datetimes', () => {
  test.each([
    ['2026-11-25T10:00:00Z', '2026-11-25T10:00:00.000Z'],
    ['2026-11-25T10:00:00+05:30', '2026-11-25T04:30:00.000Z'],
    ['2026-11-25T10:00:00-08:00', '2026-11-25T18:00:00.000Z'],
    ['2026-11-25T10:00:00-0800', '2026-11-25T18:00:00.000Z'],
    ['2026-11-25T10:00:00.5Z', '2026-11-25T10:00:00.500Z'],
  ])('literal %s is stored as %s', (literal, stored) => {
    expect(datetimeLiteral(literal)).toBe(stored);
  });

  test('not a datetime', () => {
    expect(datetimeLiteral('2026-11-25')).toBeUndefined();
    expect(datetimeLiteral('2026-13-45T99:00:00Z')).toBeUndefined();
  });

  test.each([
    ['2026-11-25T10:00:00.000Z', '2026-11-25T10:00:00.000+0000'],
    ['2026-11-25T10:00:00Z', '2026-11-25T10:00:00.000+0000'],
    ['2026-11-25T10:00:00.1234Z', '2026-11-25T10:00:00.123+0000'],
  ])('stored %s is returned as %s', (stored, returned) => {
    expect(formatDatetime(stored)).toBe(returned);
  });
});

describe('ids', () => {
  test('a 15-character id gets its case-safe suffix', () => {
    expect(normalizeId('001D000000IRFma')).toBe('001D000000IRFmaIAH');
    expect(normalizeId('001000000000001')).toBe('001000000000001AAA');
  });

  test('an 18-character id in any case is normalized by its suffix', () => {
    expect(normalizeId('001d000000irfmaiah')).toBe('001D000000IRFmaIAH');
    expect(normalizeId('001D000000IRFmaIAH')).toBe('001D000000IRFmaIAH');
  });

  test('anything else is not an id', () => {
    expect(normalizeId('ZZZ')).toBeUndefined();
    expect(normalizeId('001D000000IRFma!!!')).toBeUndefined();
    expect(normalizeId('001D000000IRFmaIAHX')).toBeUndefined();
  });
});
