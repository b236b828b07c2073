import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { inboxPage } from '../../_kinds/inbox-registry.ts';

type Props = { params: Promise<{ inbox: string }> };

// A kind's stand-in inbox (/dev/<slug>: its texts, its notifications), found by its slug among the inboxes
// (app/_kinds/inbox-registry.ts); any other name is not found. The mail's inbox is ../mail/.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return inboxPage((await params).inbox)?.page?.metadata ?? {};
}

export default async function DevInboxPage({ params }: Props) {
  const page = inboxPage((await params).inbox)?.page;
  if (!page) notFound();
  return <page.Page />;
}
