import Link from 'next/link';
import { runtime } from '@/src/runtime.ts';
import { recentActivity } from '@/src/security-events/activity.ts';
import { ActivityTable } from '../../components/activity-table.tsx';

// Recent Security Activity: the holder's own security log, newest first, 20 to a page. Shows when,
// what, from which address and which browser; never the event details.
export async function RecentActivity({ accountId, page, locale }: { accountId: string; page: number; locale: string }) {
  const activity = await recentActivity(runtime().db, accountId, { page });
  const href = (n: number) => `/account/security?page=${n}`;
  return (
    <section className="panel" id="activity" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Recent Security Activity</h2>
      {activity.items.length === 0 ? (
        <p className="muted">No security activity yet.</p>
      ) : (
        <ActivityTable items={activity.items} locale={locale} testId="security-activity" />
      )}
      {activity.pages > 1 ? (
        <nav className="small" aria-label="Security activity pages">
          <p>
            {activity.page > 1 ? (
              <Link href={href(activity.page - 1)} scroll={false} rel="prev">
                ← Previous
              </Link>
            ) : null}{' '}
            <span className="muted">
              Page {activity.page} of {activity.pages}
            </span>{' '}
            {activity.page < activity.pages ? (
              <Link href={href(activity.page + 1)} scroll={false} rel="next">
                Next →
              </Link>
            ) : null}
          </p>
        </nav>
      ) : null}
    </section>
  );
}
