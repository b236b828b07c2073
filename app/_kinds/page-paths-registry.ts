// The addresses of the kinds' own pages under Trusted Devices, listed without the pages themselves:
// app/lib/fresh-code.ts returns to them after a fresh code, and those pages import that file.
import { AUTHENTICATOR_PAGE } from './authenticator-app/paths.ts';

export const KIND_PAGE_PATHS = [AUTHENTICATOR_PAGE] as const;
