// The push kind's environment variable, composed into the portal's configuration by
// ../settings-registry.ts and src/config.ts, which checks it with the rest at start.
import { z } from 'zod';
import { optionalUrl } from '../../config-fields.ts';

const pushSettings = z.object({
  // Where notifications go; unset, to the stand-ins (STANDINS_URL). A real push service would be another PushSender (./deps.ts).
  PUSH_URL: optionalUrl,
});

export const PUSH_SETTINGS = pushSettings.shape;
export type PushSettings = z.infer<typeof pushSettings>;
