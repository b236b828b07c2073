'use client';
// The browser's time zone, sent with a form in a hidden field (the sign-in form: emails then give
// times in it, src/accounts/time-zone.ts). Filled in by script once the page runs; without
// scripts it stays empty and the server keeps the zone it knew.
import { useEffect, useState } from 'react';
import { browserTimeZone } from './local-time.tsx';

export function TimeZoneField() {
  const [zone, setZone] = useState('');
  useEffect(() => setZone(browserTimeZone() ?? ''), []);
  return <input type="hidden" name="timeZone" value={zone} data-testid="browser-time-zone" />;
}
