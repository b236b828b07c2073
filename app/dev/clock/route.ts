// Dev only (STANDINS=on, else 404): moves the portal's clock forward, so a demo or an end-to-end
// test can skip a wait (30 seconds between codes to one device, a waiting period) instead of
// sleeping through it. POST { "advanceSeconds": n } as application/json (anything else: 415; JSON
// that does not parse or has another shape: 400); answers the total offset.
import { z } from 'zod';
import { config } from '@/src/config.ts';
import { runtime } from '@/src/runtime.ts';
import { DAY } from '@/src/clock.ts';
import { staffRefusal } from '../../lib/staff-session.ts';

const body = z.object({
  advanceSeconds: z
    .number()
    .int()
    .min(1)
    .max((30 * DAY) / 1000),
});

export async function POST(request: Request): Promise<Response> {
  const refused = await staffRefusal(request);
  if (refused) return refused;
  const clock = runtime().clock as { advance?: (ms: number) => void; offsetMs?: () => number };
  if (config().STANDINS !== 'on' || !clock.advance || !clock.offsetMs) return new Response('Not found', { status: 404 });
  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') return Response.json({ error: 'Send application/json.' }, { status: 415 });
  let json: unknown;
  try {
    json = JSON.parse(await request.text());
  } catch {
    json = undefined;
  }
  const parsed = body.safeParse(json);
  if (!parsed.success) return Response.json({ error: 'Send { "advanceSeconds": a whole number from 1 to 2592000 }.' }, { status: 400 });
  clock.advance(parsed.data.advanceSeconds * 1000);
  return Response.json({ offsetSeconds: clock.offsetMs() / 1000 });
}
