// Dev only (STANDINS=on, else 404): moves the portal's clock forward, so a demo or an end-to-end
// test can skip a wait (30 seconds between codes to one device, a waiting period) instead of
// sleeping through it. POST { "advanceSeconds": n }; answers the total offset.
import { z } from 'zod';
import { config } from '@/src/config.ts';
import { runtime } from '@/src/runtime.ts';
import { DAY } from '@/src/clock.ts';
import { staffRefusal } from '../../lib/staff-session.ts';

const body = z.object({ advanceSeconds: z.number().int().min(1).max((30 * DAY) / 1000) });

export async function POST(request: Request): Promise<Response> {
  const refused = await staffRefusal(request);
  if (refused) return refused;
  const clock = runtime().clock as { advance?: (ms: number) => void; offsetMs?: () => number };
  if (config().STANDINS !== 'on' || !clock.advance || !clock.offsetMs) return new Response('Not found', { status: 404 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'Send { "advanceSeconds": a whole number from 1 to 2592000 }.' }, { status: 400 });
  clock.advance(parsed.data.advanceSeconds * 1000);
  return Response.json({ offsetSeconds: clock.offsetMs() / 1000 });
}
