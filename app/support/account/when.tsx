import { LocalTime } from '../../components/local-time.tsx';

/** An instant on the support console, in the staff member's own time zone; a dash when there is none. */
export const When = ({ d, show = 'dateTime' }: { d: Date | null; show?: 'date' | 'dateTime' }) =>
  d ? <LocalTime iso={d.toISOString()} show={show} /> : <span className="muted">—</span>;
