// The sentences the holder's pages make of the kinds (./registry.tsx): each kind gives its own
// words, and these put them together the way the pages said them when they named each kind.
// Kept here, apart from the pages, so a test reads them as the pages show them.
import { kindOf } from '@/src/kinds/registry.ts';
import type { Adding, KindUi } from './kind-ui.ts';

/** "a", "a and b", "a, b and c" (`last`: "or" for "a, b, or c", with the comma before it). */
export function listed(parts: string[], last: 'and' | 'or' = 'and'): string {
  if (parts.length < 2) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')}${last === 'or' ? ',' : ''} ${last} ${parts.at(-1)}`;
}

const sendsCodes = (u: KindUi) => kindOf(u.id).proof.by === 'sent-code';

/** The Trusted Devices page's ways to confirm: "a 6-digit code we send to a phone number or iOS device, a code from ..., or ...". */
export function waysToConfirm(uis: KindUi[], digits: number): string {
  const sent = uis.filter(sendsCodes).map((u) => u.way);
  return listed(
    [
      ...(sent.length > 0 ? [`a ${digits}-digit code we send to a ${sent.join(' or ')}`] : []),
      ...uis.filter((u) => !sendsCodes(u)).map((u) => u.way),
    ],
    'or',
  );
}

/** The two-step page's ways to confirm with a trusted device: a code from it, or the ways of the kinds that sign. */
export function codeOrSignature(uis: KindUi[]): string {
  return listed(['a code from it', ...uis.filter((u) => kindOf(u.id).proof.by === 'signature').map((u) => u.way)], 'or');
}

export type Beside = Extract<Adding, { beside: unknown }>['beside'];

/** The kinds that come beside the phone numbers, in one panel: its heading and its hint. */
export function besidePanel(kinds: Beside[]): { heading: string; hint: string } {
  const together = kinds.length === 1 ? 'It works' : kinds.length === 2 ? 'Both work' : 'They all work';
  return {
    heading: kinds.map((k) => k.title).join(' and '),
    hint: [...kinds.map((k) => k.hint), `${together} next to your phone number, not instead of it.`].join(' '),
  };
}
