// The Recovery Key's length on its own, with no server code beside it, so that a form in the
// browser can name it too (the key's alphabet, generation and hash stay in recovery-key.ts).

/** Apple's FAQ (docs/rules.md#recovery-key): "a 14-character Recovery Key". */
export const RECOVERY_KEY_LENGTH = 14;
