// A software authenticator for the tests: an ES256 key pair made with node:crypto that answers
// registration (attestation format 'none') and assertion ceremonies exactly as a browser would
// hand them to the server (@simplewebauthn/browser's JSON), without a browser. Its knobs let a test
// sign for another origin or RP ID, move its counter, or answer a challenge of its choosing.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest();
const b64url = (b: Buffer) => b.toString('base64url');

const FLAG_UP = 0x01; // user present
const FLAG_UV = 0x04; // user verified
const FLAG_AT = 0x40; // attested credential data included

export interface Ceremony {
  origin?: string;
  rpId?: string;
  /** Sign this challenge instead of the one in the options. */
  challenge?: string;
  /** Set the counter before answering (it is then sent as is). */
  counter?: number;
}

export class SoftAuthenticator {
  readonly credentialId: Buffer = randomBytes(32);
  private readonly privateKey: KeyObject;
  private readonly publicJwk: { x: string; y: string };
  counter = 0;
  /** Whether it keeps a signature counter (synced passkeys often send 0 always). */
  readonly counts: boolean;

  constructor(
    readonly origin: string,
    readonly rpId: string,
    opts: { counts?: boolean } = {},
  ) {
    this.counts = opts.counts ?? true;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    this.publicJwk = publicKey.export({ format: 'jwk' }) as { x: string; y: string };
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  private coseKey(): Uint8Array {
    const key = new Map<number, number | Uint8Array>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, new Uint8Array(Buffer.from(this.publicJwk.x, 'base64url'))],
      [-3, new Uint8Array(Buffer.from(this.publicJwk.y, 'base64url'))],
    ]);
    return isoCBOR.encode(key);
  }

  private authData(rpId: string, flags: number, withCredential: boolean): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(this.counter);
    const parts: Buffer[] = [sha256(rpId), Buffer.from([flags]), count];
    if (withCredential) {
      const len = Buffer.alloc(2);
      len.writeUInt16BE(this.credentialId.length);
      parts.push(Buffer.alloc(16), len, this.credentialId, Buffer.from(this.coseKey()));
    }
    return Buffer.concat(parts);
  }

  private clientData(type: string, challenge: string, origin: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  register(options: PublicKeyCredentialCreationOptionsJSON, c: Ceremony = {}): RegistrationResponseJSON {
    if (c.counter !== undefined) this.counter = c.counter;
    const clientDataJSON = this.clientData('webauthn.create', c.challenge ?? options.challenge, c.origin ?? this.origin);
    const authData = this.authData(c.rpId ?? this.rpId, FLAG_UP | FLAG_UV | FLAG_AT, true);
    const attestationObject = isoCBOR.encode(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', new Uint8Array(authData)],
      ]) as never,
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(Buffer.from(attestationObject)),
        transports: ['internal'],
      },
    };
  }

  /** An assertion; the counter goes up by one first (as a counting authenticator's does) unless `c.counter` sets it. */
  assert(options: Pick<PublicKeyCredentialRequestOptionsJSON, 'challenge'>, c: Ceremony = {}): AuthenticationResponseJSON {
    this.counter = c.counter ?? (this.counts ? this.counter + 1 : this.counter);
    const clientDataJSON = this.clientData('webauthn.get', c.challenge ?? options.challenge, c.origin ?? this.origin);
    const authData = this.authData(c.rpId ?? this.rpId, FLAG_UP | FLAG_UV, false);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), this.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      clientExtensionResults: {},
      response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authData), signature: b64url(signature) },
    };
  }
}
