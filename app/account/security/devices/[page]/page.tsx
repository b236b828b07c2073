import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DEVICES_PAGE } from '@/src/sessions/stage-policy.ts';
import { requireSecurityPass } from '../../../../lib/security-pass.ts';
import { kindPage } from '../../../../_kinds/registry.tsx';

type Props = { params: Promise<{ page: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// A kind's own page under Trusted Devices (/account/security/devices/<slug>: adding a device that
// needs more than a form), found by its slug among the kinds' pages (app/_kinds/registry.tsx); any
// other name is not found.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = kindPage((await params).page);
  return page ? { title: (await getTranslations('kinds'))(page.titleKey) } : {};
}

export default async function KindPage({ params, searchParams }: Props) {
  // Like every page of the account, only for its holder with the pass: whether a name is a page is no one else's to learn.
  await requireSecurityPass(DEVICES_PAGE);
  const page = kindPage((await params).page);
  if (!page) notFound();
  return <page.Page searchParams={searchParams} />;
}
