import { requireStaff } from '../lib/staff-session.ts';
import { SearchForm } from './search-form.tsx';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Find an Account · Support' };

// Find an account by Apple ID. The search is recorded in the account's security activity.
export default async function SupportHomePage() {
  await requireStaff();
  return (
    <main className="narrow">
      <h1>Find an Account</h1>
      <p className="lead">Look up an account by its Apple ID. You can view its security settings; you can&apos;t change them.</p>
      <div className="panel">
        <SearchForm />
      </div>
      <p className="small muted">
        Every search and every view is recorded in the account&apos;s Recent Security Activity, with your name, and the holder sees it.
      </p>
    </main>
  );
}
