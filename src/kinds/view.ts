// A kind as pages show it: plain values, so a client component gets them without the kind's code.
// Made from the kind (./kind.ts) found in the registry; the pages need nothing else of a kind.
import { kindOf } from './registry.ts';
import { titleOf, type ProofBy } from './kind.ts';

export interface KindView {
  /** The kind's id: its words on pages are the catalogue's (`kinds.<id in camelCase>`). */
  id: string;
  /** How its proof reaches the holder, as its kind says (the kind's `channel`). */
  channel: string;
  /** The kind's noun at the start of a line (the support console's Kind column). */
  title: string;
  icon: { text: string; tone: string };
  /** 'sent-code': we send it a code; 'own-code': it shows its own; 'signature': it signs (a button, no code). */
  proof: ProofBy['by'];
  /** The digits of a code it makes itself; null when its codes are the ones we send (or it has none). */
  ownDigits: number | null;
  labelIs: 'number' | 'name';
  codeSentTo: string | null;
}

/** What pages show of a kind of device. */
export function kindView(id: string): KindView {
  const kind = kindOf(id);
  return {
    id: kind.id,
    channel: kind.channel,
    title: titleOf(kind.noun),
    icon: kind.icon,
    proof: kind.proof.by,
    ownDigits: kind.proof.by === 'own-code' ? kind.proof.digits : null,
    labelIs: kind.labelIs,
    codeSentTo: kind.codeSentTo,
  };
}
