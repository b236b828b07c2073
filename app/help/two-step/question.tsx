import type { ReactNode } from 'react';
import { kindHelp } from '../../_kinds/help-registry.tsx';

/** The questions before the kinds' own. */
const GETTING_STARTED = {
  what: 'What does it protect?',
  'two-factor': 'Is it the same as two-factor authentication?',
  'set-up': 'How do I set it up?',
  how: 'How does signing in work with it on?',
  questions: 'Do I still need my security questions?',
} as const;

/** The questions after the kinds' own. */
const AFTER_THE_KINDS = {
  'keep-key': 'Where should I keep my Recovery Key?',
  apps: "What about apps that can't ask for a code?",
  remember: 'What am I responsible for?',
  lost: 'What if I lose my key, my password or a device?',
  wait: 'Why do I have to wait before setting it up?',
  off: 'How do I turn it off?',
  where: 'Is it offered where I live?',
} as const;

export type QuestionId = keyof typeof GETTING_STARTED | keyof typeof AFTER_THE_KINDS;

/**
 * The questions of the page, in order: the contents list and the sections' headings both come from
 * here. Each kind of trusted device asks its own (app/_kinds/help-registry.tsx), after the ones of
 * getting started.
 */
export const QUESTIONS: Readonly<Record<string, string>> = {
  ...GETTING_STARTED,
  ...Object.fromEntries(kindHelp().map((h) => [h.anchor, h.question])),
  ...AFTER_THE_KINDS,
};

/** One question and its answer, a panel the contents list links to. */
export function Question({ id, children }: { id: QuestionId; children: ReactNode }) {
  return <Answered id={id}>{children}</Answered>;
}

/** The kinds' questions and answers, in the kinds' order. */
export function KindQuestions() {
  return kindHelp().map((h) => (
    <Answered key={h.id} id={h.anchor}>
      {h.answer}
    </Answered>
  ));
}

function Answered({ id, children }: { id: string; children: ReactNode }) {
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
        {Object.keys(QUESTIONS).map((id) => (
          <li key={id}>
            <a href={`#${id}`}>{QUESTIONS[id]}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
