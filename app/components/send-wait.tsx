'use client';
// The wait before another code may be sent, counted down where the holder looks: the server says
// how long (FormState.waitMs, by the portal's clock) and the browser counts from the moment the
// answer came, by its own clock's differences only, so a browser set to another time counts right.
// Screen readers hear it politely and twice only (the wait, then that it is over): the visible
// number changes every second outside the live region, which would otherwise speak every second.
import { useEffect, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { waitIn } from '@/src/i18n/durations.ts';

/** The ms left of a `waitMs` wait, `elapsedMs` after it was given (never below 0). */
export function msLeft(waitMs: number, elapsedMs: number): number {
  return Math.max(0, waitMs - Math.max(0, elapsedMs));
}

/**
 * The server's sentence with the time left in place of the wait it was written with ("Wait 26
 * seconds..." becomes "Wait 25 seconds..."), said as the server said it in the page's language
 * (`locale`, the Intl locale of the request); the sentence as it was when it names no such wait.
 */
export function sentenceNow(locale: string, sentence: string, waitMs: number, leftMs: number): string {
  return sentence.replace(waitIn(locale, waitMs), waitIn(locale, leftMs));
}

/** The ms left of the wait, updated every second until it is over (0). */
function useMsLeft(waitMs: number): number {
  const [left, setLeft] = useState(waitMs);
  useEffect(() => {
    const from = performance.now();
    const tick = () => setLeft(msLeft(waitMs, performance.now() - from));
    const timer = setInterval(() => {
      tick();
      if (performance.now() - from >= waitMs) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [waitMs]);
  return left;
}

/**
 * The visible countdown, and what the form's polite live region (`announce`, which the form keeps
 * mounted across its answers so it is heard) says: the sentence once, then that the wait is over.
 */
export function SendWait({ sentence, waitMs, announce }: { sentence: string; waitMs: number; announce: (text: string) => void }) {
  const t = useTranslations('clientCodeStep');
  const locale = useLocale();
  const left = useMsLeft(waitMs);
  const over = left === 0;
  const waitOver = t('waitOver');
  useEffect(() => announce(over ? waitOver : sentence), [over, sentence, announce, waitOver]);
  return (
    <p className="notice wait" data-testid="send-wait">
      {over ? waitOver : sentenceNow(locale, sentence, waitMs, left)}
    </p>
  );
}
