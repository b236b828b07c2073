// What an options action gives the browser's signing ceremony: the options, or the sentence saying
// why there are none. One shape for the holders' actions (adding a device that signs, proving a
// step with one) and the staff second factor's.
export type Options<T> = { options: T } | { error: string };

export const optionsOr = <T>(r: { ok: true; options: T } | { ok: false; error: string }): Options<T> =>
  r.ok ? { options: r.options } : { error: r.error };
