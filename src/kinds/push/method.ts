// The push kind's RFC 8176 method, in the layer beneath the sessions that record it
// (.dependency-cruiser.cjs, 'kinds/*/method'), listed by ../method-registry.ts. A code pushed to a
// registered device and typed in the browser is multiple-channel authentication ('mca'); RFC 8176
// has no value for a push.
export const PUSH_METHODS = ['mca'] as const;
