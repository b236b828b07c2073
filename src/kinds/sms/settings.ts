// The sms kind's environment variables (Twilio's), composed into the portal's configuration by
// ../settings-registry.ts and src/config.ts, which checks them with the rest at start.
import { z } from 'zod';
import { optionalUrl } from '../../config-fields.ts';

const smsSettings = z.object({
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC followed by 32 hex digits'),
  TWILIO_AUTH_TOKEN: z.string().min(16),
  TWILIO_FROM: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +15005550006'),
  // Only for the local stand-in: where the SDK sends its requests instead of api.twilio.com.
  TWILIO_API_BASE_URL: optionalUrl,
  TWILIO_LOOKUPS_BASE_URL: optionalUrl,
});

export const SMS_SETTINGS = smsSettings.shape;
export type SmsSettings = z.infer<typeof smsSettings>;
