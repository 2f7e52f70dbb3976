/**
 * Rounding and display of figures. Both are written out by hand rather than left to
 * `toLocaleString` or `Intl`, so that a reason reads the same on every machine and in Apex.
 */

/**
 * Rounds half away from zero (Apex `RoundingMode.HALF_UP`). Goes through the decimal text of the
 * number so that 1.005 rounds to 1.01, as a person reading the figure expects.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (Number.isInteger(value) || !Number.isFinite(value)) return value;
  const magnitude = Math.abs(value);
  const text = String(magnitude);
  const rounded = text.includes('e')
    ? Math.round(magnitude * 10 ** decimals) / 10 ** decimals
    : Number(`${Math.round(Number(`${text}e${decimals}`))}e-${decimals}`);
  return value < 0 ? -rounded : rounded;
}

/**
 * Metric figures are kept to two decimals: the precision of the org's currency and number fields.
 * This also removes binary floating-point noise (0.1 + 0.2), so that a sum compares with its
 * threshold exactly as Apex's Decimal arithmetic would.
 */
export function roundFigure(value: number): number {
  return roundHalfAwayFromZero(value, 2);
}

/** `1250000` → `1,250,000`; `87.5` → `87.5`; `-1234.5` → `-1,234.5`. Two decimals at most. */
export function formatFigure(value: number): string {
  const rounded = roundFigure(value);
  const [whole = '0', fraction = ''] = Math.abs(rounded).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmedFraction = fraction.replace(/0+$/, '');
  const sign = rounded < 0 ? '-' : '';
  return `${sign}${grouped}${trimmedFraction ? `.${trimmedFraction}` : ''}`;
}
