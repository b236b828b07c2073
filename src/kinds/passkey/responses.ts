// The answers of a browser's WebAuthn ceremonies (@simplewebauthn/browser's JSON), parsed as the
// untrusted input they are before anything else looks at them: a malformed answer is refused with
// a sentence, never thrown at the server. Sizes are generous bounds on real authenticators' values.
import { z } from 'zod';

const b64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/);

/** A credential id: at most 1023 bytes (WebAuthn), so 1364 base64url characters. */
export const credentialIdField = b64url(1364);

const common = {
  id: credentialIdField,
  rawId: credentialIdField,
  type: z.literal('public-key'),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
};

export const authenticationResponse = z.object({
  ...common,
  response: z.object({
    clientDataJSON: b64url(8192),
    authenticatorData: b64url(8192),
    signature: b64url(2048),
    userHandle: b64url(128).optional(),
  }),
});

export const registrationResponse = z.object({
  ...common,
  response: z.object({
    clientDataJSON: b64url(8192),
    attestationObject: b64url(32768),
    transports: z.array(z.string().max(32)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url(4096).optional(),
    authenticatorData: b64url(16384).optional(),
  }),
});

const clientData = z.object({ challenge: b64url(1024) });

/** The response as sent: an object, or its JSON text (a form field). */
export function parseResponse<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> | null {
  let value = raw;
  if (typeof raw === 'string') {
    if (raw.length > 65_536) return null;
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The challenge the answer says it signed (clientDataJSON.challenge), or null. */
export function challengeOf(clientDataJSON: string): string | null {
  try {
    const parsed = clientData.safeParse(JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data.challenge : null;
  } catch {
    return null;
  }
}
