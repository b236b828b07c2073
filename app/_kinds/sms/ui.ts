// The phone number on the Trusted Devices page: its own panel, named in the page's lead.
import { smsKind } from '@/src/kinds/sms/kind.ts';
import type { KindUi } from '../kind-ui.ts';
import { AddPhoneNumberPanel } from './add-panel.tsx';

export const smsUi: KindUi = { id: smsKind.id, adding: { panel: AddPhoneNumberPanel } };
