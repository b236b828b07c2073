import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { kindHelp } from '../../_kinds/help-registry.tsx';
import { kindKey } from '../../_kinds/kind-key.ts';

/** The questions before the kinds' own, each with its key in helpTwoStep.questions. */
const GETTING_STARTED = {
  what: 'what',
  'two-factor': 'twoFactor',
  'set-up': 'setUp',
  how: 'how',
  questions: 'questions',
} as const;

/** The questions after the kinds' own. */
const AFTER_THE_KINDS = {
  'keep-key': 'keepKey',
  apps: 'apps',
  remember: 'remember',
  lost: 'lost',
  wait: 'wait',
  off: 'off',
  where: 'where',
} as const;

export type QuestionId = keyof typeof GETTING_STARTED | keyof typeof AFTER_THE_KINDS;

/**
 * The questions of the page, in order, by their anchor: each one's key in the catalogue (the page's
 * own in helpTwoStep, a kind's in kinds). The contents list and the sections' headings both come
 * from here. Each kind of trusted device asks its own (app/_kinds/help-registry.tsx), after the ones
 * of getting started.
 */
export const QUESTIONS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(GETTING_STARTED).map(([id, key]) => [id, `helpTwoStep.questions.${key}`])),
  ...Object.fromEntries(kindHelp().map((h) => [h.anchor, `kinds.${kindKey(h.id)}.help.question`])),
  ...Object.fromEntries(Object.entries(AFTER_THE_KINDS).map(([id, key]) => [id, `helpTwoStep.questions.${key}`])),
};

/** A question as the page's language asks it. */
function useQuestion(): (id: string) => string {
  const t = useTranslations();
  return (id) => t(QUESTIONS[id]!);
}

/** One question and its answer, a panel the contents list links to. */
export function Question({ id, children }: { id: QuestionId; children: ReactNode }) {
  return <Answered id={id}>{children}</Answered>;
}

/** The kinds' questions and answers, in the kinds' order. */
export function KindQuestions() {
  return kindHelp().map((h) => (
    <Answered key={h.id} id={h.anchor}>
      <h.Answer />
    </Answered>
  ));
}

function Answered({ id, children }: { id: string; children: ReactNode }) {
  const question = useQuestion();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{question(id)}</h2>
      {children}
    </section>
  );
}

export function Contents() {
  const t = useTranslations('helpTwoStep');
  const question = useQuestion();
  return (
    <nav className="panel" aria-labelledby="help-contents">
      <h2 id="help-contents">{t('contents')}</h2>
      <ul>
        {Object.keys(QUESTIONS).map((id) => (
          <li key={id}>
            <a href={`#${id}`}>{question(id)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
