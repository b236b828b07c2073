// The name a holder gives a trusted device of a kind that is named (the kinds say which): one
// line, shown on pages and in emails, checked by each kind's adding form.

/** The longest name, in characters. */
export const DEVICE_NAME_MAX = 60;
