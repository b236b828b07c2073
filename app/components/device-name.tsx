// A trusted device's name as a page shows it. A number is shown masked to its last two digits
// ("+1 ••• ••• ••06"), which a screen reader would read out bullet by bullet: it hears "number
// ending in 06" (in the page's language, from the clientDevices catalogue, which pages and the
// browser both have) instead, and sees the masked form unchanged.
import { Fragment } from 'react';
import { useTranslations } from 'next-intl';

/** A masked number: "+", the country's digits or bullets, groups of bullets, the last two digits. */
const MASKED_NUMBER = /\+(?:\d+|•+)(?: •+)* ••(\d{2})/g;

/** What a screen reader hears for a masked number, in a language: "number ending in 06". */
export type SpokenNumber = (lastTwo: string) => string;

/** `label` with what a screen reader hears in place of each masked number in it ("+1 ••• ••• ••06" → "number ending in 06"). */
export function spokenLabel(label: string, spokenNumber: SpokenNumber): string {
  return label.replace(MASKED_NUMBER, (_masked, lastTwo: string) => spokenNumber(lastTwo));
}

/** The page's way of saying a masked number (a hook: in a component, server or browser). */
export function useSpokenNumber(): SpokenNumber {
  const t = useTranslations('clientDevices');
  return (lastTwo) => t('numberEndingIn', { lastTwo });
}

/** The page's way of saying a device's label aloud (aria-labels of its buttons and forms). */
export function useSpokenLabel(): (label: string) => string {
  const spokenNumber = useSpokenNumber();
  return (label) => spokenLabel(label, spokenNumber);
}

export function DeviceName({ label }: { label: string }) {
  const spokenNumber = useSpokenNumber();
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
