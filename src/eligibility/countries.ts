// Where two-step verification is available, and since when: seed data for the CountryAvailability
// table ({ countryCode, availableFrom }). The table, not this file, is what eligibility reads, so an
// operator can add a country (or move a date) with no code change; this file only fills an empty or
// incomplete table.
//
// The list is Apple's "Which countries or regions is two-step verification available in?" (145
// entries), each mapped to its ISO 3166-1 alpha-2 code. Names in that list that are not today's
// ISO/CLDR short names: "China mainland" → CN (Hong Kong HK, Macau MO and Taiwan TW are listed
// separately), "Congo, Democratic Republic" → CD (Kinshasa), "Congo, Republic" → CG (Brazzaville),
// "Czech Republic" → CZ (Czechia), "Macedonia" → MK (North Macedonia), "Swaziland" → SZ (Eswatini),
// "Turkey" → TR (Türkiye), "Laos" → LA, "South Korea" → KR, "Russia" → RU, "Vietnam" → VN. Not to be
// confused: "Guinea" GN (not Equatorial Guinea GQ), "Niger" NE vs "Nigeria" NG, "Dominica" DM vs
// "Dominican Republic" DO. Guadeloupe GP, Martinique MQ, Reunion RE (French overseas departments),
// Guam GU and Puerto Rico PR (US territories) have their own ISO codes and are listed by them.
//
// Dates: the rollout waves come from the 2013 news posts (docs/rules.md#country-or-region), which
// give months, not days; the days are ours. The countries of Apple's list that no wave names get
// 2014-01-01 (ours): a date before today, so they are available now. Earliest waves first.
import type { Db } from '../db/client.ts';

export interface AvailabilitySeedEntry {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** YYYY-MM-DD; available from 00:00 UTC that day. */
  availableFrom: string;
  /** The name as Apple's FAQ lists it. */
  seedName: string;
}

const WAVE_1 = '2013-03-21'; // March 2013 (docs/rules.md#country-or-region); the day is ours
const WAVE_2 = '2013-05-22'; // May 2013 (docs/rules.md#country-or-region); the day is ours
const WAVE_3 = '2013-06-27'; // after May 2013 (the rollout reports give no date); month and day are ours
const LATER = '2014-01-01'; // (ours) the rest of Apple's list

export const AVAILABILITY_SEED: ReadonlyArray<Readonly<AvailabilitySeedEntry>> = Object.freeze(
  [
    // Wave 1, March 2013 (docs/rules.md#country-or-region): United States, United Kingdom, Australia,
    // Ireland, New Zealand.
    { code: 'US', availableFrom: WAVE_1, seedName: 'United States' },
    { code: 'GB', availableFrom: WAVE_1, seedName: 'United Kingdom' },
    { code: 'AU', availableFrom: WAVE_1, seedName: 'Australia' },
    { code: 'IE', availableFrom: WAVE_1, seedName: 'Ireland' },
    { code: 'NZ', availableFrom: WAVE_1, seedName: 'New Zealand' },
    // Wave 2, May 2013 (docs/rules.md#country-or-region): Austria, Argentina, Belgium, Brazil,
    // Canada, Mexico, Netherlands, Pakistan, Poland, Russia. One of the rollout reports leaves Canada
    // out of this wave and puts it in the third; we follow the May report itself: Canada is in May
    // (docs/rules.md#country-or-region).
    { code: 'AT', availableFrom: WAVE_2, seedName: 'Austria' },
    { code: 'AR', availableFrom: WAVE_2, seedName: 'Argentina' },
    { code: 'BE', availableFrom: WAVE_2, seedName: 'Belgium' },
    { code: 'BR', availableFrom: WAVE_2, seedName: 'Brazil' },
    { code: 'CA', availableFrom: WAVE_2, seedName: 'Canada' },
    { code: 'MX', availableFrom: WAVE_2, seedName: 'Mexico' },
    { code: 'NL', availableFrom: WAVE_2, seedName: 'Netherlands' },
    { code: 'PK', availableFrom: WAVE_2, seedName: 'Pakistan' },
    { code: 'PL', availableFrom: WAVE_2, seedName: 'Poland' },
    { code: 'RU', availableFrom: WAVE_2, seedName: 'Russia' },
    // Wave 3 (the rollout reports, after May 2013): France, Germany, Japan, Italy, Spain (and Canada
    // in one report, see above).
    { code: 'FR', availableFrom: WAVE_3, seedName: 'France' },
    { code: 'DE', availableFrom: WAVE_3, seedName: 'Germany' },
    { code: 'JP', availableFrom: WAVE_3, seedName: 'Japan' },
    { code: 'IT', availableFrom: WAVE_3, seedName: 'Italy' },
    { code: 'ES', availableFrom: WAVE_3, seedName: 'Spain' },
    // Every other country or region of Apple's list, in that list's order: later (date ours).
    { code: 'AL', availableFrom: LATER, seedName: 'Albania' },
    { code: 'DZ', availableFrom: LATER, seedName: 'Algeria' },
    { code: 'AO', availableFrom: LATER, seedName: 'Angola' },
    { code: 'AI', availableFrom: LATER, seedName: 'Anguilla' },
    { code: 'AG', availableFrom: LATER, seedName: 'Antigua and Barbuda' },
    { code: 'AM', availableFrom: LATER, seedName: 'Armenia' },
    { code: 'BS', availableFrom: LATER, seedName: 'Bahamas' },
    { code: 'BH', availableFrom: LATER, seedName: 'Bahrain' },
    { code: 'BD', availableFrom: LATER, seedName: 'Bangladesh' },
    { code: 'BB', availableFrom: LATER, seedName: 'Barbados' },
    { code: 'BO', availableFrom: LATER, seedName: 'Bolivia' },
    { code: 'BW', availableFrom: LATER, seedName: 'Botswana' },
    { code: 'VG', availableFrom: LATER, seedName: 'British Virgin Islands' },
    { code: 'BG', availableFrom: LATER, seedName: 'Bulgaria' },
    { code: 'CM', availableFrom: LATER, seedName: 'Cameroon' },
    { code: 'KY', availableFrom: LATER, seedName: 'Cayman Islands' },
    { code: 'CF', availableFrom: LATER, seedName: 'Central African Republic' },
    { code: 'TD', availableFrom: LATER, seedName: 'Chad' },
    { code: 'CL', availableFrom: LATER, seedName: 'Chile' },
    { code: 'CN', availableFrom: LATER, seedName: 'China mainland' },
    { code: 'CO', availableFrom: LATER, seedName: 'Colombia' },
    { code: 'CD', availableFrom: LATER, seedName: 'Congo, Democratic Republic' },
    { code: 'CG', availableFrom: LATER, seedName: 'Congo, Republic' },
    { code: 'CR', availableFrom: LATER, seedName: 'Costa Rica' },
    { code: 'CI', availableFrom: LATER, seedName: "Cote d'Ivoire" },
    { code: 'HR', availableFrom: LATER, seedName: 'Croatia' },
    { code: 'CY', availableFrom: LATER, seedName: 'Cyprus' },
    { code: 'CZ', availableFrom: LATER, seedName: 'Czech Republic' },
    { code: 'DK', availableFrom: LATER, seedName: 'Denmark' },
    { code: 'DM', availableFrom: LATER, seedName: 'Dominica' },
    { code: 'DO', availableFrom: LATER, seedName: 'Dominican Republic' },
    { code: 'EC', availableFrom: LATER, seedName: 'Ecuador' },
    { code: 'EG', availableFrom: LATER, seedName: 'Egypt' },
    { code: 'SV', availableFrom: LATER, seedName: 'El Salvador' },
    { code: 'EE', availableFrom: LATER, seedName: 'Estonia' },
    { code: 'FJ', availableFrom: LATER, seedName: 'Fiji' },
    { code: 'FI', availableFrom: LATER, seedName: 'Finland' },
    { code: 'GM', availableFrom: LATER, seedName: 'Gambia' },
    { code: 'GH', availableFrom: LATER, seedName: 'Ghana' },
    { code: 'GR', availableFrom: LATER, seedName: 'Greece' },
    { code: 'GD', availableFrom: LATER, seedName: 'Grenada' },
    { code: 'GU', availableFrom: LATER, seedName: 'Guam' },
    { code: 'GP', availableFrom: LATER, seedName: 'Guadeloupe' },
    { code: 'GT', availableFrom: LATER, seedName: 'Guatemala' },
    { code: 'GN', availableFrom: LATER, seedName: 'Guinea' },
    { code: 'GW', availableFrom: LATER, seedName: 'Guinea-Bissau' },
    { code: 'GY', availableFrom: LATER, seedName: 'Guyana' },
    { code: 'HN', availableFrom: LATER, seedName: 'Honduras' },
    { code: 'HK', availableFrom: LATER, seedName: 'Hong Kong' },
    { code: 'HU', availableFrom: LATER, seedName: 'Hungary' },
    { code: 'IS', availableFrom: LATER, seedName: 'Iceland' },
    { code: 'IN', availableFrom: LATER, seedName: 'India' },
    { code: 'ID', availableFrom: LATER, seedName: 'Indonesia' },
    { code: 'IL', availableFrom: LATER, seedName: 'Israel' },
    { code: 'JM', availableFrom: LATER, seedName: 'Jamaica' },
    { code: 'JO', availableFrom: LATER, seedName: 'Jordan' },
    { code: 'KZ', availableFrom: LATER, seedName: 'Kazakhstan' },
    { code: 'KE', availableFrom: LATER, seedName: 'Kenya' },
    { code: 'KW', availableFrom: LATER, seedName: 'Kuwait' },
    { code: 'LA', availableFrom: LATER, seedName: 'Laos' },
    { code: 'LV', availableFrom: LATER, seedName: 'Latvia' },
    { code: 'LB', availableFrom: LATER, seedName: 'Lebanon' },
    { code: 'LI', availableFrom: LATER, seedName: 'Liechtenstein' },
    { code: 'LT', availableFrom: LATER, seedName: 'Lithuania' },
    { code: 'LU', availableFrom: LATER, seedName: 'Luxembourg' },
    { code: 'MO', availableFrom: LATER, seedName: 'Macau' },
    { code: 'MK', availableFrom: LATER, seedName: 'Macedonia' },
    { code: 'MG', availableFrom: LATER, seedName: 'Madagascar' },
    { code: 'MY', availableFrom: LATER, seedName: 'Malaysia' },
    { code: 'ML', availableFrom: LATER, seedName: 'Mali' },
    { code: 'MT', availableFrom: LATER, seedName: 'Malta' },
    { code: 'MQ', availableFrom: LATER, seedName: 'Martinique' },
    { code: 'MU', availableFrom: LATER, seedName: 'Mauritius' },
    { code: 'MD', availableFrom: LATER, seedName: 'Moldova' },
    { code: 'MS', availableFrom: LATER, seedName: 'Montserrat' },
    { code: 'MA', availableFrom: LATER, seedName: 'Morocco' },
    { code: 'NA', availableFrom: LATER, seedName: 'Namibia' },
    { code: 'NI', availableFrom: LATER, seedName: 'Nicaragua' },
    { code: 'NE', availableFrom: LATER, seedName: 'Niger' },
    { code: 'NG', availableFrom: LATER, seedName: 'Nigeria' },
    { code: 'NO', availableFrom: LATER, seedName: 'Norway' },
    { code: 'OM', availableFrom: LATER, seedName: 'Oman' },
    { code: 'PW', availableFrom: LATER, seedName: 'Palau' },
    { code: 'PA', availableFrom: LATER, seedName: 'Panama' },
    { code: 'PY', availableFrom: LATER, seedName: 'Paraguay' },
    { code: 'PE', availableFrom: LATER, seedName: 'Peru' },
    { code: 'PH', availableFrom: LATER, seedName: 'Philippines' },
    { code: 'PT', availableFrom: LATER, seedName: 'Portugal' },
    { code: 'PR', availableFrom: LATER, seedName: 'Puerto Rico' },
    { code: 'QA', availableFrom: LATER, seedName: 'Qatar' },
    { code: 'RE', availableFrom: LATER, seedName: 'Reunion' },
    { code: 'RO', availableFrom: LATER, seedName: 'Romania' },
    { code: 'KN', availableFrom: LATER, seedName: 'Saint Kitts and Nevis' },
    { code: 'LC', availableFrom: LATER, seedName: 'Saint Lucia' },
    { code: 'VC', availableFrom: LATER, seedName: 'Saint Vincent and Grenadines' },
    { code: 'ST', availableFrom: LATER, seedName: 'Sao Tome and Principe' },
    { code: 'SA', availableFrom: LATER, seedName: 'Saudi Arabia' },
    { code: 'SN', availableFrom: LATER, seedName: 'Senegal' },
    { code: 'SC', availableFrom: LATER, seedName: 'Seychelles' },
    { code: 'SL', availableFrom: LATER, seedName: 'Sierra Leone' },
    { code: 'SG', availableFrom: LATER, seedName: 'Singapore' },
    { code: 'SK', availableFrom: LATER, seedName: 'Slovakia' },
    { code: 'SI', availableFrom: LATER, seedName: 'Slovenia' },
    { code: 'ZA', availableFrom: LATER, seedName: 'South Africa' },
    { code: 'KR', availableFrom: LATER, seedName: 'South Korea' },
    { code: 'LK', availableFrom: LATER, seedName: 'Sri Lanka' },
    { code: 'SR', availableFrom: LATER, seedName: 'Suriname' },
    { code: 'SZ', availableFrom: LATER, seedName: 'Swaziland' },
    { code: 'SE', availableFrom: LATER, seedName: 'Sweden' },
    { code: 'CH', availableFrom: LATER, seedName: 'Switzerland' },
    { code: 'TW', availableFrom: LATER, seedName: 'Taiwan' },
    { code: 'TZ', availableFrom: LATER, seedName: 'Tanzania' },
    { code: 'TH', availableFrom: LATER, seedName: 'Thailand' },
    { code: 'TT', availableFrom: LATER, seedName: 'Trinidad and Tobago' },
    { code: 'TN', availableFrom: LATER, seedName: 'Tunisia' },
    { code: 'TR', availableFrom: LATER, seedName: 'Turkey' },
    { code: 'TC', availableFrom: LATER, seedName: 'Turks and Caicos Islands' },
    { code: 'UG', availableFrom: LATER, seedName: 'Uganda' },
    { code: 'UA', availableFrom: LATER, seedName: 'Ukraine' },
    { code: 'AE', availableFrom: LATER, seedName: 'United Arab Emirates' },
    { code: 'UY', availableFrom: LATER, seedName: 'Uruguay' },
    { code: 'VE', availableFrom: LATER, seedName: 'Venezuela' },
    { code: 'VN', availableFrom: LATER, seedName: 'Vietnam' },
    { code: 'YE', availableFrom: LATER, seedName: 'Yemen' },
    { code: 'ZW', availableFrom: LATER, seedName: 'Zimbabwe' },
  ].map((e) => Object.freeze(e)),
);

/** The UTC instant a seed date stands for. */
export function availableFromDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/**
 * Inserts the seed rows that are missing from CountryAvailability and returns how many it inserted.
 * Idempotent, and it never overwrites a row that exists: an operator may have changed its date.
 */
export async function seedCountryAvailability(db: Db): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const existing = await db.countryAvailability.findMany({ select: { countryCode: true } });
    const present = new Set(existing.map((r) => r.countryCode));
    const missing = AVAILABILITY_SEED.filter((e) => !present.has(e.code));
    if (missing.length === 0) return 0;
    try {
      const { count } = await db.countryAvailability.createMany({
        data: missing.map((e) => ({ countryCode: e.code, availableFrom: availableFromDate(e.availableFrom) })),
      });
      return count;
    } catch (e) {
      // Another process seeded at the same moment (unique violation on the code): look again, once.
      if (attempt < 2 && (e as { code?: string }).code === 'P2002') continue;
      throw e;
    }
  }
}
