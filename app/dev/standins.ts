// Reads what the local stand-ins received, for the dev inbox pages. Only used when STANDINS=on.
import { notFound } from 'next/navigation';
import { config } from '@/src/config.ts';

export function requireStandins(): string {
  const c = config();
  if (c.STANDINS !== 'on' || !c.STANDINS_URL) notFound();
  return c.STANDINS_URL;
}

export async function standinList<T>(path: string, key: string): Promise<T[] | { error: string }> {
  const base = requireStandins();
  try {
    const res = await fetch(new URL(path, base), { cache: 'no-store' });
    if (!res.ok) return { error: `The stand-in answered ${res.status}.` };
    return ((await res.json()) as Record<string, T[]>)[key] ?? [];
  } catch {
    return { error: `The stand-in server at ${base} is not running. Start the app with npm start.` };
  }
}

export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}
