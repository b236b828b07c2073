// The time zone list of Password and Security, labelled once per process and language: some 420
// zones, each named by a formatter of its own, are not worth naming again on every view.
import { timeZoneChoices, timeZoneLabel } from '@/src/format.ts';

const lists = new Map<string, ReadonlyArray<{ zone: string; label: string }>>();

/** `locale`: the page's formatting locale (formattingLocale), in which each zone is named. */
export function timeZoneChoiceList(locale = 'en-US'): ReadonlyArray<{ zone: string; label: string }> {
  let list = lists.get(locale);
  if (!list) {
    list = timeZoneChoices().map((zone) => ({ zone, label: timeZoneLabel(zone, locale) }));
    lists.set(locale, list);
  }
  return list;
}
