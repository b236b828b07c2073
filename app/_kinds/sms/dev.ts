// The SMS stand-in's inbox under /dev/ (./dev-inbox.tsx).
import type { DevInbox } from '../kind-ui.ts';
import { DevSmsPage } from './dev-inbox.tsx';

export const smsInbox: DevInbox = {
  slug: 'sms',
  carries: 'texts',
  inbox: 'SMS',
  menu: 'SMS',
  page: { metadata: { title: 'SMS Inbox' }, Page: DevSmsPage },
};
