// The authenticator-app kind's RFC 8176 method: a one-time password (RFC 6238). In the layer beneath
// the sessions that record it (.dependency-cruiser.cjs, 'kinds/*/method'), listed by ../method-registry.ts.
export const APP_METHODS = ['otp'] as const;
