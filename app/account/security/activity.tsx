import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import {
  activityCursorText,
  parseActivityCursor,
  parseActivityPage,
  type ActivityPage,
  type ActivityQuery,
} from '@/src/security-events/activity.ts';
import { ActivityTable } from '../../components/activity-table.tsx';

/** The page of activity a link asks for: its page number and, from a Next or Previous link, the event it continues from. */
export function activityQuery(params: Record<string, string | string[] | undefined>): ActivityQuery {
  return { page: parseActivityPage(params.page), before: parseActivityCursor(params.before), after: parseActivityCursor(params.after) };
}

// Next and Previous carry the event they continue from (keyset pagination: the last page costs
// what the first does); the first page needs none.
function pageLinks(activity: ActivityPage) {
  const first = activity.items[0];
  const last = activity.items[activity.items.length - 1];
  const prev =
    activity.page === 2 || !first ? '?page=1' : `?page=${activity.page - 1}&after=${encodeURIComponent(activityCursorText(first))}`;
  const next = last ? `?page=${activity.page + 1}&before=${encodeURIComponent(activityCursorText(last))}` : `?page=${activity.page + 1}`;
  return { prev: `/account/security${prev}`, next: `/account/security${next}` };
}

// Recent Security Activity: the holder's own security log, newest first, 20 to a page. Shows when,
// what, and from which browser ("This browser" for this session's own); never the event details.
export async function RecentActivity({ activity, locale }: { activity: ActivityPage; locale: string }) {
  const t = await getTranslations('security.activity');
  const links = pageLinks(activity);
  return (
    <section className="panel" id="activity" aria-labelledby="activity-heading">
      <h2 id="activity-heading">{t('heading')}</h2>
      {activity.items.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ActivityTable items={activity.items} locale={locale} testId="security-activity" />
      )}
      {activity.pages > 1 ? (
        <nav className="small" aria-label={t('pages')}>
          <p>
            {activity.page > 1 ? (
              <Link href={links.prev} scroll={false} rel="prev">
                {t('previous')}
              </Link>
            ) : null}{' '}
            <span className="muted">{t('pageOf', { page: activity.page, pages: activity.pages })}</span>{' '}
            {activity.page < activity.pages ? (
              <Link href={links.next} scroll={false} rel="next">
                {t('next')}
              </Link>
            ) : null}
          </p>
        </nav>
      ) : null}
    </section>
  );
}
