// One table of security events, for the holder's Recent Security Activity and for the support
// console, never the event details. The holder reads where each came from as a browser they know
// ("This browser", "Safari on iPhone"); support staff also see the client address.
import type { ActivityItem } from '@/src/security-events/activity.ts';
import { LocalTime } from './local-time.tsx';

export function ActivityTable({
  items,
  locale,
  testId,
  reader = 'holder',
}: {
  items: ActivityItem[];
  locale?: string;
  testId: string;
  reader?: 'holder' | 'agent';
}) {
  return (
    <table className="inbox activity" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">Where</th>
          {reader === 'agent' ? <th scope="col">Browser</th> : null}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td data-label="When">
              <LocalTime iso={item.at.toISOString()} locale={locale} />
            </td>
            <td data-label="What">{item.label}</td>
            {reader === 'agent' ? (
              <>
                <td data-label="Where">{item.clientAddress ?? <span className="muted">Unknown</span>}</td>
                <td data-label="Browser">{item.browser}</td>
              </>
            ) : (
              <td data-label="Where">{item.thisBrowser ? `This browser (${item.browser})` : item.browser}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
