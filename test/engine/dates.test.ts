import {
  addDays,
  compareIsoDate,
  daysBetween,
  isValidIsoDate,
  isValidIsoDateTime,
  toIsoDate,
} from '../../cli/src/engine/dates.ts';

describe('toIsoDate', () => {
  test.each([
    ['2026-01-15T10:00:00.000Z', '2026-01-15'],
    ['2026-01-15T00:00Z', '2026-01-15'],
    ['2026-01-15T23:59:59.999999Z', '2026-01-15'],
    ['2026-01-15T23:30:00-05:00', '2026-01-16'],
    ['2026-01-01T00:30:00+01:00', '2025-12-31'],
    ['2028-03-01T01:00:00+02:00', '2028-02-29'],
    ['2027-03-01T01:00:00+02:00', '2027-02-28'],
    ['2026-12-31T20:00:00-04:00', '2027-01-01'],
    ['0001-01-01T00:00:00Z', '0001-01-01'],
  ])('%s -> %s', (dateTime, expected) => {
    expect(toIsoDate(dateTime)).toBe(expected);
  });

  test.each(['2026-01-15', '2026-01-15T10:00:00', 'yesterday', '2026-02-30T10:00:00Z'])(
    'rejects %s with a RangeError',
    (value) => {
      expect(() => toIsoDate(value)).toThrow(RangeError);
    },
  );
});

describe('addDays', () => {
  test.each([
    ['2026-01-15', 0, '2026-01-15'],
    ['2026-01-15', 90, '2026-04-15'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-03-05', -14, '2028-02-20'],
    ['2026-01-15', 365, '2027-01-15'],
    ['2028-01-15', 366, '2029-01-15'],
    ['0099-12-31', 1, '0100-01-01'],
  ])('%s + %d = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  test('rejects fractional days and malformed dates', () => {
    expect(() => addDays('2026-01-15', 1.5)).toThrow(RangeError);
    expect(() => addDays('2026-1-15', 1)).toThrow(RangeError);
    expect(() => addDays('2027-02-29', 1)).toThrow(RangeError);
  });

  test('refuses to leave four-digit years', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  test.each([
    ['2026-01-15', '2026-01-15', 0],
    ['2026-01-15', '2026-04-15', 90],
    ['2026-04-15', '2026-01-15', -90],
    ['2028-02-01', '2028-03-01', 29],
    ['2026-02-01', '2026-03-01', 28],
    ['2026-12-31', '2027-01-01', 1],
    ['2026-01-01', '2027-01-01', 365],
    ['2028-01-01', '2029-01-01', 366],
  ])('%s -> %s = %d', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe('compareIsoDate', () => {
  test.each([
    ['2026-01-15', '2026-01-16', -1],
    ['2026-01-16', '2026-01-15', 1],
    ['2026-01-15', '2026-01-15', 0],
    ['2026-12-31', '2027-01-01', -1],
  ])('%s vs %s = %d', (a, b, expected) => {
    expect(compareIsoDate(a, b)).toBe(expected);
  });

  test('sorts dates', () => {
    expect(['2027-01-01', '2026-02-28', '2026-12-31'].sort(compareIsoDate)).toEqual([
      '2026-02-28',
      '2026-12-31',
      '2027-01-01',
    ]);
  });

  test('rejects malformed dates rather than comparing them as text', () => {
    expect(() => compareIsoDate('2026-1-5', '2026-01-05')).toThrow(RangeError);
  });
});

describe('isValidIsoDate', () => {
  test.each([
    ['2026-01-15', true],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['2100-02-29', false],
    ['2027-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-15', false],
    ['26-01-15', false],
    ['2026-01-15T10:00:00Z', false],
    [' 2026-01-15', false],
    ['', false],
  ])('%j -> %s', (value, expected) => {
    expect(isValidIsoDate(value)).toBe(expected);
  });
});

describe('isValidIsoDateTime', () => {
  test.each([
    ['2026-01-15T10:00:00.000Z', true],
    ['2026-01-15T10:00:00Z', true],
    ['2026-01-15T10:00Z', true],
    ['2026-01-15T10:00:00.123456+05:30', true],
    ['2026-01-15T23:59:59-12:00', true],
    ['2026-01-15T10:00:00', false],
    ['2026-01-15 10:00:00Z', false],
    ['2026-01-15T24:00:00Z', false],
    ['2026-01-15T10:60:00Z', false],
    ['2026-01-15T10:00:60Z', false],
    ['2026-01-15T10:00:00+24:00', false],
    ['2026-02-30T10:00:00Z', false],
    ['2026-01-15T10:00:00z', false],
    ['2026-01-15', false],
  ])('%j -> %s', (value, expected) => {
    expect(isValidIsoDateTime(value)).toBe(expected);
  });
});
