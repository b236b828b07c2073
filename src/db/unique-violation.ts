// Prisma's answer when a unique index refused a row (P2002): the database decided a race (two adds
// of one number, one credential id, one Apple ID), and callers turn it into their own refusal.
export const isUniqueViolation = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === 'P2002';
