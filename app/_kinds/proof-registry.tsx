// The second step's buttons of the kinds that sign (src/kinds/kind.ts: proof by signature), by the
// kind's id: app/components/proof-step.tsx shows a kind's button beside the code form when the
// account holds a device of it. Kept apart from ./registry.tsx so the second step's pages load
// nothing of the forms that add devices.
import { passkeyKind } from '@/src/kinds/passkey/kind.ts';
import type { SignStep } from './kind-ui.ts';
import { PasskeyButton } from './passkey/passkey-button.tsx';

const STEPS = new Map<string, SignStep>([[passkeyKind.id, { id: passkeyKind.id, Button: PasskeyButton }]]);

/** The button of a kind that signs; undefined for a kind without one. */
export const signStepOf = (kindId: string): SignStep | undefined => STEPS.get(kindId);
