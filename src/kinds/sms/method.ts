// The sms kind's RFC 8176 method: a code sent by text message. In the layer beneath the sessions
// that record it (.dependency-cruiser.cjs, 'kinds/*/method'), listed by ../method-registry.ts.
export const SMS_METHODS = ['sms'] as const;
