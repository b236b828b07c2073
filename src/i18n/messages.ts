// A catalogue's shape: namespaces of keys (nested objects), each a sentence in ICU MessageFormat.
export interface Messages {
  [key: string]: string | Messages;
}

/** Every key of a catalogue, dotted ("security.title"), with its sentence. */
export function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(dotted, value);
    else for (const [k, v] of flatten(value, dotted)) out.set(k, v);
  }
  return out;
}
