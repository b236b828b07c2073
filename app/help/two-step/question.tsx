import type { ReactNode } from 'react';

/** The questions of the page, in order: the contents list and the sections' headings both come from here. */
export const QUESTIONS = {
  what: 'What does it protect?',
  'two-factor': 'Is it the same as two-factor authentication?',
  'set-up': 'How do I set it up?',
  how: 'How does signing in work with it on?',
  questions: 'Do I still need my security questions?',
  numbers: 'Which phone numbers should I add?',
  'find-my': 'Can an iPhone or iPad get codes as notifications?',
  authenticator: 'Can I use an authenticator app?',
  passkeys: 'Can I use a passkey or security key?',
  'keep-key': 'Where should I keep my Recovery Key?',
  apps: "What about apps that can't ask for a code?",
  remember: 'What am I responsible for?',
  lost: 'What if I lose my key, my password or a device?',
  wait: 'Why do I have to wait before setting it up?',
  off: 'How do I turn it off?',
  where: 'Is it offered where I live?',
} as const;

export type QuestionId = keyof typeof QUESTIONS;

/** One question and its answer, a panel the contents list links to. */
export function Question({ id, children }: { id: QuestionId; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{QUESTIONS[id]}</h2>
      {children}
    </section>
  );
}

export function Contents() {
  return (
    <nav className="panel" aria-labelledby="help-contents">
      <h2 id="help-contents">Questions on this page</h2>
      <ul>
        {(Object.keys(QUESTIONS) as QuestionId[]).map((id) => (
          <li key={id}>
            <a href={`#${id}`}>{QUESTIONS[id]}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
