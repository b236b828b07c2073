// The local stand-ins' inboxes under /dev/ (only with STANDINS=on), in the order the banner and the
// dev pages' menu name them: the kinds' around the mail's, which has a route of its own
// (app/dev/mail/). app/dev/[inbox]/ serves the kinds' by their slug.
import type { DevInbox } from './kind-ui.ts';
import { smsInbox } from './sms/dev.ts';
import { pushInbox } from './push/dev.ts';

const MAIL: DevInbox = { slug: 'mail', carries: 'emails', inbox: 'mail', menu: 'Mail' };

const INBOXES: DevInbox[] = [smsInbox, MAIL, pushInbox];

/** Every inbox, in the order they are named. */
export const devInboxes = (): DevInbox[] => INBOXES;

/** An inbox served by app/dev/[inbox]/ (one with a page here), by its slug; undefined for any other. */
export const inboxPage = (slug: string): DevInbox | undefined => INBOXES.find((i) => i.slug === slug && i.page);
