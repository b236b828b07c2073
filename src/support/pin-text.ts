// How a support PIN is written for people: the holder reads it aloud on a call, so it is shown in
// short groups ("123 456"); the agent may type it back as heard, spaces and all (the console reads
// only the digits, src/codes/codes.ts codeDigitsOf). Pure: the holder's page is a client component.

/** The PIN in groups of three digits, or of four when its length divides by four and not by three. */
export function pinGroups(pin: string): string[] {
  const size = pin.length % 3 !== 0 && pin.length % 4 === 0 ? 4 : 3;
  const groups: string[] = [];
  for (let i = 0; i < pin.length; i += size) groups.push(pin.slice(i, i + size));
  return groups;
}

/** The PIN as the holder reads it: its groups, a space apart. */
export function pinInGroups(pin: string): string {
  return pinGroups(pin).join(' ');
}
