// One table of security events (when, what, where, which browser), for the holder's Recent Security
// Activity and for the support console: the same columns, never the event details.
import type { ActivityItem } from '@/src/security-events/activity.ts';
import { LocalTime } from './local-time.tsx';

export function ActivityTable({ items, locale, testId }: { items: ActivityItem[]; locale?: string; testId: string }) {
  return (
    <table className="inbox activity" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">Where</th>
          <th scope="col">Browser</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td data-label="When">
              <LocalTime iso={item.at.toISOString()} locale={locale} />
            </td>
            <td data-label="What">{item.label}</td>
            <td data-label="Where">{item.clientAddress ?? <span className="muted">Unknown</span>}</td>
            <td data-label="Browser">{item.browser}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
