// The Trusted Devices page's panel of the kinds that come beside the phone numbers
// (docs/rules.md#other-kinds-of-trusted-device): each kind's title joins its heading, each kind's
// sentence its hint, and each offers its own way to add one (a link to its page, or its form in
// place). They come next to the phone numbers, never instead of one: two-step still needs a
// trusted phone number (src/devices/trusted-phones.ts).
import type { AddProps } from '../../../_kinds/kind-ui.ts';
import { besidePanel, type Beside, type KindWords } from '../../../_kinds/wording.ts';
import styles from './devices.module.css';

export function AddOtherKinds({ kinds, words, ...props }: AddProps & { kinds: Beside[]; words: KindWords }) {
  if (kinds.length === 0) return null;
  const { heading, hint } = besidePanel(kinds, words);
  return (
    <section className="panel" aria-labelledby="others-heading" data-testid="add-other-kinds">
      <h2 id="others-heading">{heading}</h2>
      <p className={styles.hint}>{hint}</p>
      {kinds.map(({ id, Offer }) => (
        <Offer key={id} {...props} />
      ))}
    </section>
  );
}
