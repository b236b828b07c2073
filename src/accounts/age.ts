// How old a person must be to hold their own Apple ID (the birth date rule of creating an account
// and of changing the birth date).

export const MIN_AGE_YEARS = 13; // (ours) the age at which a person may hold their own account

export function isOldEnough(birthDate: string, now: Date): boolean {
  const [y, m, d] = birthDate.split('-').map(Number);
  return new Date(Date.UTC(y + MIN_AGE_YEARS, m - 1, d)) <= now;
}
