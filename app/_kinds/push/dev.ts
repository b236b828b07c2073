// The simulated iOS devices under /dev/ (./dev-devices.tsx): "the phone" that receives the notifications.
import type { DevInbox } from '../kind-ui.ts';
import { DevDevicesPage } from './dev-devices.tsx';

export const pushInbox: DevInbox = {
  slug: 'devices',
  carries: 'pushes',
  inbox: 'device',
  menu: 'Devices',
  page: { metadata: { title: 'Simulated Devices' }, Page: DevDevicesPage },
};
