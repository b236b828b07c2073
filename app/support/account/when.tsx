import { useLocale } from 'next-intl';
import { LocalTime } from '../../components/local-time.tsx';

/**
 * An instant on the support console, in the staff member's own time zone and the console's
 * language (the request's formatting locale, app/i18n/request.ts); a dash when there is none.
 */
export function When({ d, show = 'dateTime' }: { d: Date | null; show?: 'date' | 'dateTime' }) {
  const locale = useLocale();
  return d ? <LocalTime iso={d.toISOString()} show={show} locale={locale} /> : <span className="muted">—</span>;
}
