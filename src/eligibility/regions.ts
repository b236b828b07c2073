// Country/region codes and names: every ISO 3166-1 alpha-2 country or region, named by the
// platform's Intl.DisplayNames (ICU/CLDR data), never by a hand-written list of names.
//
// Node 20 has no Intl.supportedValuesOf('region'), so the codes are found by asking DisplayNames
// about every pair of letters AA..ZZ. It knows more than ISO 3166-1's assigned codes, and two
// kinds are dropped:
//  - deprecated codes that ICU still names, as aliases of their successors (DD → DE, SU → RU,
//    YU → RS, ZR → CD, UK → GB, AN → CW, ...). They are found, not listed: a code whose canonical
//    form (Intl.getCanonicalLocales('und-XX')) names another region is an alias.
//  - the codes in NOT_COUNTRIES below: grouping, pseudo and reserved codes that are no country.

/** Codes that DisplayNames names but that are not ISO 3166-1 countries or regions. */
const NOT_COUNTRIES: ReadonlySet<string> = new Set([
  // Groupings of countries, not one of them.
  'EU', // European Union (ISO "exceptionally reserved")
  'EZ', // Eurozone (CLDR)
  'UN', // United Nations (ISO "exceptionally reserved")
  'QO', // Outlying Oceania (CLDR macro-region, from the user-assigned range QM-QZ)
  // Pseudo and unknown.
  'XA', // Pseudo-Accents (CLDR pseudo-locale)
  'XB', // Pseudo-Bidi (CLDR pseudo-locale)
  'ZZ', // Unknown Region
  // ISO "exceptionally reserved" codes for parts of other countries, not assigned as countries.
  'AC', // Ascension Island (part of SH)
  'CP', // Clipperton Island (part of FR)
  'CQ', // Sark (part of GG)
  'DG', // Diego Garcia (part of IO)
  'EA', // Ceuta & Melilla (part of ES)
  'IC', // Canary Islands (part of ES)
  'TA', // Tristan da Cunha (part of SH)
  // User-assigned code, not ISO 3166-1 (used by the EU and others for Kosovo). Left out because the
  // list is ISO 3166-1; removing this line is all it takes to offer it.
  'XK', // Kosovo
]);

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

let isoCodes: ReadonlySet<string> | undefined;

/** Every ISO 3166-1 alpha-2 code the platform can name, computed once. */
function codes(): ReadonlySet<string> {
  if (isoCodes) return isoCodes;
  const names = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });
  const found = new Set<string>();
  for (const a of LETTERS) {
    for (const b of LETTERS) {
      const code = a + b;
      if (NOT_COUNTRIES.has(code)) continue;
      if (names.of(code) === undefined) continue;
      if (new Intl.Locale(Intl.getCanonicalLocales(`und-${code}`)[0]).region !== code) continue; // an alias
      found.add(code);
    }
  }
  isoCodes = found;
  return found;
}

/** True for an ISO 3166-1 alpha-2 code, upper case, as stored (e.g. "US"; not "us", "EU", "UK"). */
export function isRegionCode(code: string): boolean {
  return typeof code === 'string' && codes().has(code);
}

interface Named {
  locale: string;
  names: Intl.DisplayNames;
}

// Unknown or malformed locale tags (they may come from a request's Accept-Language) fall back to
// English rather than throwing.
function makeDisplayNames(locale: string): Named {
  try {
    const names = new Intl.DisplayNames(locale, { type: 'region', fallback: 'none' });
    return { locale: names.resolvedOptions().locale, names };
  } catch {
    return { locale: 'en', names: new Intl.DisplayNames('en', { type: 'region', fallback: 'none' }) };
  }
}

// Made once per locale tag (a page names a region on every view); at most this many kept, as the
// tags may come from requests.
const namesByTag = new Map<string, Named>();
const MAX_TAGS_KEPT = 32;

function displayNames(locale: string): Named {
  let named = namesByTag.get(locale);
  if (!named) {
    named = makeDisplayNames(locale);
    if (namesByTag.size < MAX_TAGS_KEPT) namesByTag.set(locale, named);
  }
  return named;
}

const english = () => displayNames('en').names;

/** The name of a region in `locale` (English if that locale has none), or undefined for a code that is not one. */
export function regionName(code: string, locale = 'en'): string | undefined {
  if (!isRegionCode(code)) return undefined;
  return displayNames(locale).names.of(code) ?? english().of(code) ?? code;
}

export interface Region {
  code: string;
  name: string;
}

// Keyed by the locale DisplayNames resolved to, so arbitrary requested tags cannot grow it without bound.
const sortedByLocale = new Map<string, ReadonlyArray<Readonly<Region>>>();

/** Every ISO 3166-1 country or region with its name in `locale`, sorted by name in that locale. */
export function allRegions(locale = 'en'): Region[] {
  const { locale: resolved, names } = displayNames(locale);
  let list = sortedByLocale.get(resolved);
  if (!list) {
    const en = english();
    const collator = new Intl.Collator(resolved);
    list = [...codes()]
      .map((code) => Object.freeze({ code, name: names.of(code) ?? en.of(code) ?? code }))
      .sort((x, y) => collator.compare(x.name, y.name) || (x.code < y.code ? -1 : 1));
    sortedByLocale.set(resolved, list);
  }
  return list.map((r) => ({ ...r }));
}
