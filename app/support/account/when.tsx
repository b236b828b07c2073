import { getLocale } from 'next-intl/server';
import { LocalTime } from '../../components/local-time.tsx';

/**
 * An instant on the support console, in the staff member's own time zone and the console's
 * language (the request's formatting locale, app/i18n/request.ts); a dash when there is none.
 */
export async function When({ d, show = 'dateTime' }: { d: Date | null; show?: 'date' | 'dateTime' }) {
  return d ? <LocalTime iso={d.toISOString()} show={show} locale={await getLocale()} /> : <span className="muted">—</span>;
}
