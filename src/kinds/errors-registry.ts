// The kinds' own refusals, listed once (each kind's sentences live in its errors.ts). Apart from
// ./registry.ts so that ./kind.ts can name their codes: a kind's delivery and own-code refusals are
// codes of these maps. src/codes/errors.ts and src/devices/errors.ts include them (through
// ./registry.ts).
import { PHONE_NUMBER_ERRORS, SMS_CODE_ERRORS } from './sms/errors.ts';
import { IOS_DEVICE_ERRORS, PUSH_CODE_ERRORS } from './push/errors.ts';
import { APP_CODE_ERRORS } from './authenticator-app/errors.ts';
import type { FactsOf } from '../result.ts';

/** The kinds' own reasons a code was not sent or not accepted: src/codes/errors.ts includes them in its map. */
export const KIND_CODE_ERRORS = { ...SMS_CODE_ERRORS, ...PUSH_CODE_ERRORS, ...APP_CODE_ERRORS } as const;

/** The kinds' own reasons a device was not added: src/devices/errors.ts includes them in its map. */
export const KIND_ADDING_ERRORS = { ...PHONE_NUMBER_ERRORS, ...IOS_DEVICE_ERRORS } as const;

export type KindCodeError = keyof typeof KIND_CODE_ERRORS;

/** The kinds' code refusals whose sentence takes no facts from the caller. */
export type KindFixedCodeError = { [C in KindCodeError]: FactsOf<(typeof KIND_CODE_ERRORS)[C]> extends [] ? C : never }[KindCodeError];
