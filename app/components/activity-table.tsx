// One table of security events, for the holder's Recent Security Activity and for the support
// console, never the event details. The holder reads where each came from as a browser they know
// ("This browser", "Safari on iPhone"); support staff also see the client address. Labels and
// browser names are the catalogue's (changes.json), in the reader's language.
import { getTranslations } from 'next-intl/server';
import type { ActivityItem } from '@/src/security-events/activity.ts';
import { LocalTime } from './local-time.tsx';

export async function ActivityTable({
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
  const t = await getTranslations('changes.table');
  const say = await getTranslations();
  return (
    <table className="inbox activity" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('when')}</th>
          <th scope="col">{t('what')}</th>
          <th scope="col">{t('where')}</th>
          {reader === 'agent' ? <th scope="col">{t('browser')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td data-label={t('when')}>
              <LocalTime iso={item.at.toISOString()} locale={locale} />
            </td>
            <td data-label={t('what')}>{say(item.said.key, item.said.facts)}</td>
            {reader === 'agent' ? (
              <>
                <td data-label={t('where')}>{item.clientAddress ?? <span className="muted">{t('unknown')}</span>}</td>
                <td data-label={t('browser')}>{say(item.browserSaid.key, item.browserSaid.facts)}</td>
              </>
            ) : (
              <td data-label={t('where')}>
                {item.thisBrowser
                  ? t('thisBrowser', { browser: say(item.browserSaid.key, item.browserSaid.facts) })
                  : say(item.browserSaid.key, item.browserSaid.facts)}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
