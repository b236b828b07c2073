/**
 * A phone number as pages, emails and support show it: only the last two digits.
 * "+15550101234" → "+1 ••• ••• ••34". Other countries keep only the "+", so the masked form does
 * not say where the number is: "+447700900123" → "+•• ••• ••• ••23".
 */
export function maskPhoneNumber(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  if (digits.length < 3) return '•••';
  const last = digits.slice(-2);
  if (digits.length === 11 && digits.startsWith('1')) return `+1 ••• ••• ••${last}`;
  // The last group is "••" + the two digits, the rest in threes from the right.
  let rest = '•'.repeat(digits.length - 4);
  const groups: string[] = [];
  while (rest.length > 3) {
    groups.unshift(rest.slice(-3));
    rest = rest.slice(0, -3);
  }
  if (rest) groups.unshift(rest);
  return `+${[...groups, `••${last}`].join(' ')}`;
}
