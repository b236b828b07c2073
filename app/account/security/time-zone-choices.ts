// The time zone list of Password and Security, labelled once per process: some 420 zones, each
// named by a formatter of its own, are not worth naming again on every view.
import { timeZoneChoices, timeZoneLabel } from '@/src/format.ts';

let list: ReadonlyArray<{ zone: string; label: string }> | null = null;

export function timeZoneChoiceList(): ReadonlyArray<{ zone: string; label: string }> {
  list ??= timeZoneChoices().map((zone) => ({ zone, label: timeZoneLabel(zone) }));
  return list;
}
