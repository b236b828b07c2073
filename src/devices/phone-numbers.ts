// Phone numbers as people type them → E.164, with libphonenumber-js (Google's libphonenumber
// metadata): "(555) 010-1234" in the United States and "+1 555 010 1234" are the same number.
// No hand-written parsing here.
//
// We ask libphonenumber whether the number is *possible* (the right length for its country), not
// whether it is *valid* (inside a range the metadata knows to be assigned): the metadata lags
// behind real numbering plans, and the fictional ranges used for testing (US 555-01xx, UK
// 07700 900xxx) are "not valid" by design. Whether the number exists and what kind of line it is
// comes from Twilio Lookup, which the caller asks next.
import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { allRegions } from '../eligibility/regions.ts';

export type ParsedPhone = { ok: true; e164: string } | { ok: false };

/** A country code libphonenumber knows the numbering plan of. */
export function isPhoneCountry(code: string): code is CountryCode {
  return typeof code === 'string' && isSupportedCountry(code);
}

/**
 * The number in E.164, read as typed in `country` (a leading "+" overrides the country). Text
 * around the number, an extension or a number of impossible length is refused.
 */
export function parsePhoneNumber(typed: string, country: string): ParsedPhone {
  if (!isPhoneCountry(country)) return { ok: false };
  const parsed = parsePhoneNumberFromString(typed, { defaultCountry: country, extract: false });
  if (!parsed || parsed.ext || !parsed.isPossible()) return { ok: false };
  return { ok: true, e164: parsed.number };
}

export interface PhoneCountry {
  code: string;
  name: string;
  /** "+1", "+44". */
  callingCode: string;
}

// The list never changes while the process runs: made once per locale, not on every page view.
const countriesByLocale = new Map<string, ReadonlyArray<Readonly<PhoneCountry>>>();
const MAX_LOCALES_KEPT = 32; // the locale may come from a request: the cache cannot grow without bound

/** Every country or region with a known numbering plan, by name, for the country select. */
export function phoneCountries(locale = 'en'): PhoneCountry[] {
  let list = countriesByLocale.get(locale);
  if (!list) {
    list = allRegions(locale)
      .filter((r) => isPhoneCountry(r.code))
      .map((r) => Object.freeze({ code: r.code, name: r.name, callingCode: `+${getCountryCallingCode(r.code as CountryCode)}` }));
    if (countriesByLocale.size < MAX_LOCALES_KEPT) countriesByLocale.set(locale, list);
  }
  return list.map((c) => ({ ...c }));
}
