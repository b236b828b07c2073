// Sends a push notification to a device. The same shape as SmsSender, so a real push service
// can replace the stand-in without touching the flows that send codes.
export interface PushSender {
  push(device: { deviceId: string; deviceName: string }, message: { title: string; body: string }): Promise<void>;
}

/**
 * A failure to push; its message is written for the person. Recognise one with `isPushError`, not
 * `instanceof` (the class exists once per server chunk; see SmsError in src/kinds/sms/twilio-sms.ts).
 */
export class PushError extends Error {
  readonly kind = 'push-error' as const;
}

export function isPushError(e: unknown): e is PushError {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { kind?: unknown }).kind === 'push-error' &&
    typeof (e as { message?: unknown }).message === 'string'
  );
}

export function createHttpPushSender(baseUrl: string, timeoutMs = 5000): PushSender {
  return {
    async push(device, message) {
      let res: Response;
      try {
        res = await fetch(new URL('/_standin/push', baseUrl), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...device, ...message }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch {
        throw new PushError("We couldn't reach the device right now. Try again later.");
      }
      if (!res.ok) throw new PushError("We couldn't reach the device right now. Try again later.");
    },
  };
}
