// The Trusted Devices page's panel of the kinds that come beside the phone numbers
// (docs/rules.md#other-kinds-of-trusted-device): each kind's title joins its heading, each kind's
// sentence its hint, and each offers its own way to add one (a link to its page, or its form in
// place). They come next to the phone numbers, never instead of one: two-step still needs a
// trusted phone number (src/devices/trusted-phones.ts).
import type { AddProps, Adding } from '../../../_kinds/kind-ui.ts';
import styles from './devices.module.css';

type Beside = Extract<Adding, { beside: unknown }>['beside'];

/** "Both work", or as many as there are. */
const together = (n: number) => (n === 1 ? 'It works' : n === 2 ? 'Both work' : 'They all work');

export function AddOtherKinds({ kinds, ...props }: AddProps & { kinds: Beside[] }) {
  if (kinds.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="others-heading" data-testid="add-other-kinds">
      <h2 id="others-heading">{kinds.map((k) => k.title).join(' and ')}</h2>
      <p className={styles.hint}>
        {kinds.map((k) => `${k.hint} `).join('')}
        {together(kinds.length)} next to your phone number, not instead of it.
      </p>
      {kinds.map(({ title, Offer }) => (
        <Offer key={title} {...props} />
      ))}
    </section>
  );
}
