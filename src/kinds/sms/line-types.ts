/** Twilio Lookup v2 `line_type_intelligence.type` values (Twilio's Lookup v2 API reference). */
export const LINE_TYPES = [
  'mobile',
  'landline',
  'fixedVoip',
  'nonFixedVoip',
  'tollFree',
  'personal',
  'pager',
  'voicemail',
  'uan',
  'unknown',
] as const;

export type LineType = (typeof LINE_TYPES)[number];

export function isLineType(value: unknown): value is LineType {
  return (LINE_TYPES as readonly unknown[]).includes(value);
}
