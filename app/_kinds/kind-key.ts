// A kind's key in the `kinds` catalogue (messages/<locale>/kinds.json): its id in camelCase
// ("some-kind" → "someKind"), as every catalogue key is written.
export const kindKey = (id: string): string => id.replace(/-(\w)/g, (_dash, letter: string) => letter.toUpperCase());
