// A trusted device's name as a page shows it. A number is shown masked to its last two digits
// ("+1 ••• ••• ••06"), which a screen reader would read out bullet by bullet: it hears "number
// ending in 06" instead, and sees the masked form unchanged.
import { Fragment } from 'react';

/** A masked number: "+", the country's digits or bullets, groups of bullets, the last two digits. */
const MASKED_NUMBER = /\+(?:\d+|•+)(?: •+)* ••(\d{2})/g;

/** What a screen reader hears for a masked number. */
export const spokenNumber = (lastTwo: string) => `number ending in ${lastTwo}`;

/** `label` with what a screen reader hears in place of each masked number in it ("+1 ••• ••• ••06" → "number ending in 06"). */
export function spokenLabel(label: string): string {
  return label.replace(MASKED_NUMBER, (_masked, lastTwo: string) => spokenNumber(lastTwo));
}

export function DeviceName({ label }: { label: string }) {
  const parts: Array<string | { masked: string; lastTwo: string }> = [];
  let from = 0;
  for (const match of label.matchAll(MASKED_NUMBER)) {
    parts.push(label.slice(from, match.index), { masked: match[0], lastTwo: match[1]! });
    from = match.index + match[0].length;
  }
  parts.push(label.slice(from));
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          <Fragment key={i}>{part}</Fragment>
        ) : (
          <Fragment key={i}>
            <span className="visually-hidden">{spokenNumber(part.lastTwo)}</span>
            <span aria-hidden="true">{part.masked}</span>
          </Fragment>
        ),
      )}
    </>
  );
}
