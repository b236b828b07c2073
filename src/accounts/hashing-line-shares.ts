// Who may hold how much of the hashing line (hashing-line.ts), so that no one client takes it all.
// A right password gives its attempt back (src/throttle/throttle.ts), so sign-ins to an account of
// one's own are never slowed or locked: without shares, 16 loops of them from one address held
// every place, and the holder's browser read "The server is busy" on every try. So:
//  - one client address holds at most a quarter of the places (an IPv6 client counts by its /64,
//    the block one subscriber is given, so rotating addresses inside it gains nothing);
//  - one Apple ID as typed, at most a quarter among unknown browsers and another quarter among its
//    known browsers (a stranger's guesses from rotating addresses never fill the holder's share);
//  - as many places as run at once are kept for known browsers, whose hashes also go first: a
//    holder's browser finds room, and waits only behind other known browsers, during any flood.
// A quarter leaves room for at least three others next to the heaviest client, and is still more
// than a household or an office behind one address signs in at once (a place is held for about
// one compare, 0.3 s). Many people behind one address (a carrier's NAT) share its quarter: under a
// flood from their own address they too are told to try again, as anyone is when the line is full.
import { isIPv4, isIPv6 } from 'node:net';

/** Who asks for a place in the line. */
export interface Asker {
  /** The request's client address (RequestContext.clientAddress); null when not known (one client for all such). */
  clientAddress: string | null;
  /** The Apple ID as typed, normalized (appleIdKey): an Apple ID without an account has its share too. */
  appleId: string;
  /**
   * The request counts under an attempt budget of its own: the browser carries the device cookie
   * for this account (knownBrowserId), or an app typed one of the account's own app-specific passwords.
   */
  known: boolean;
}

/** The shares of a line, in places. */
export interface Shares {
  perClient: number;
  /** For each Apple ID, among its known browsers and among the other requests, each. */
  perAppleId: number;
  /** Places only known browsers may take. */
  keptForKnownBrowsers: number;
}

/** The part of the line one client, or one Apple ID, may hold. */
export const SHARE_OF_PLACES = 1 / 4;

/** The shares of a line of `inFlight + waiting` places. */
export function sharesFor(inFlight: number, waiting: number): Shares {
  const places = inFlight + waiting;
  const share = Math.max(1, Math.ceil(places * SHARE_OF_PLACES));
  return { perClient: share, perAppleId: share, keptForKnownBrowsers: Math.min(inFlight, Math.floor(places * SHARE_OF_PLACES)) };
}

/** The keys an asker's place counts under: its client, and its Apple ID among known browsers or the others. */
export function shareKeys(asker: Asker): { client: string; appleId: string } {
  return { client: `client:${clientOf(asker.clientAddress)}`, appleId: `apple-id:${asker.known ? 'known' : 'other'}:${asker.appleId}` };
}

/** One client: an IPv4 address (also written IPv4-mapped, ::ffff:a.b.c.d), or an IPv6 address's /64. */
export function clientOf(address: string | null): string {
  if (address === null) return 'unknown';
  const bare = address.replace(/%.*$/, ''); // a zone id (fe80::1%eth0) names the interface, not the client
  if (!isIPv6(bare)) return address;
  const groups = ipv6Groups(bare);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff)
    return `${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (its "::" filled in, a trailing IPv4 part split in two). */
function ipv6Groups(address: string): number[] {
  const parse = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((g) => {
          if (!isIPv4(g)) return [parseInt(g, 16)];
          const [a, b, c, d] = g.split('.').map(Number) as [number, number, number, number];
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head = '', tail] = address.split('::');
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}
