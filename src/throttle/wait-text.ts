// How a wait is said to a person, in one place: the server's refusals build their sentence with it,
// and the code step's countdown (app/components/send-wait.tsx) says the time left the same way
// while it runs in the browser, so this file imports nothing (a client component reads it).

/** "25 seconds", "3 minutes", "1 hour": a wait of `ms`, rounded up (at least 1 second). */
export function waitWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

/** How long a person has to wait from `now` until `until`, in words (waitWords). */
export function waitText(until: Date, now: Date): string {
  return waitWords(until.getTime() - now.getTime());
}
