// The iOS device on the Trusted Devices page: its own panel of registered devices, named in the page's lead.
import { pushKind } from '@/src/kinds/push/kind.ts';
import type { KindUi } from '../kind-ui.ts';
import { RegisteredDevicesPanel } from './add-panel.tsx';

export const pushUi: KindUi = { id: pushKind.id, adding: { panel: RegisteredDevicesPanel } };
