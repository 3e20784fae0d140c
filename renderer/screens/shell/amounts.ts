// Amounts as the terminal home shows them.

/**
 * An excess or, when negative, a shortfall: in brackets, as the column title "Excess (shortfall)"
 * promises and as accounts are read in Hong Kong, never with a minus sign.
 */
export function formatExcess(amount: Intl.NumberFormat, value: number): string {
  return value < 0 ? `(${amount.format(-value)})` : amount.format(value);
}
