// The kinds' proofs of a step for a purpose that sit above the code service (their prove.ts), listed
// once for src/proof/second-step.ts, the one way to prove a step: asking a device that signs for a
// signature, and checking it. ./registry.ts sits below the code service and cannot hand these on.
// In the kinds' proving layer (.dependency-cruiser.cjs, 'kinds/*/prove').
export { authenticationOptions as signatureOptions, verifyPasskey as verifySignature } from './passkey/prove.ts';
