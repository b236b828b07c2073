// The name a holder gives a device they add (an iOS device, an authenticator app, a passkey): one
// line, shown on pages and in emails, checked by each kind's adding form.

/** The longest name, in characters. */
export const DEVICE_NAME_MAX = 60;
