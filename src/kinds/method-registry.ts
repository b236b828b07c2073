// The RFC 8176 methods the kinds of trusted device prove a second step with, listed once (each
// kind's method.ts): src/sessions/auth-methods.ts adds the portal's own ('pwd', 'mfa') to make the
// values a session may record. In the layer beneath the sessions (.dependency-cruiser.cjs, 'kinds/*/method').
import { SMS_METHODS } from './sms/method.ts';
import { PUSH_METHODS } from './push/method.ts';
import { APP_METHODS } from './authenticator-app/method.ts';
import { PASSKEY_METHODS } from './passkey/method.ts';

export const KIND_METHODS = [...SMS_METHODS, ...PUSH_METHODS, ...APP_METHODS, ...PASSKEY_METHODS] as const;
export type KindMethod = (typeof KIND_METHODS)[number];
