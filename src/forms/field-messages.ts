// The messages next to a form's fields (zod's and the cross-field rules'), from the catalogue's
// `fields` namespace. zod takes a message as text when a schema is made, so the schema holds the
// English; src/i18n/said.ts keeps what it says, so that a page says it in its reader's language.
import { fixedEnglish, inEnglish } from '../i18n/said.ts';
import type { Facts } from '../i18n/translate.ts';

/** The English of the field message `fields.<key>`, built from `facts` (a rule's constants, never a request's). */
export const fieldMessage = (key: string, facts: Facts = {}): string => fixedEnglish({ key: `fields.${key}`, facts });

/** The English of the field message `fields.<key>` about what the holder typed (`facts` from the request). */
export const fieldMessageAbout = (key: string, facts: Facts): string => inEnglish({ key: `fields.${key}`, facts });
