/**
 * A whole number with thousands separators, as `n.toLocaleString('en')` prints it. `toLocaleString`
 * with a locale makes V8 load ICU's list of locales, which costs a fresh `flowport` process more than
 * validating a connector.
 * @example groupDigits(4194304) // '4,194,304'
 */
export function groupDigits(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en');
  const digits = String(Math.abs(n));
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}
