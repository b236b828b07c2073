// Groups of fields that several forms share: a new password with its confirmation, three
// security questions with answers, and the answers to two asked questions. Their words are the
// catalogue's clientSecurity.fields (the forms that hold them run in the browser), the questions'
// texts its clientSecurity.questions, by the question's stored id.
import { useTranslations } from 'next-intl';
import { Field, errorProps } from './field.tsx';
import { SECURITY_QUESTIONS } from '@/src/accounts/security-questions.ts';
import { MIN_PASSWORD_LENGTH } from '@/src/accounts/password-length.ts';

type Errors = Partial<Record<string, string>>;

/** A question's id as the catalogue keys it: "first-pet" → "firstPet". */
export const questionKey = (id: string) => id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** `label`: a new password replacing one ("New password", already in the page's language); else a first password. */
export function NewPasswordFields({ errors: e, label }: { errors: Errors; label?: string }) {
  const t = useTranslations('clientSecurity.fields');
  return (
    <div className="grid-2">
      <Field name="password" label={label ?? t('password')} error={e.password} hint={t('passwordHint', { min: MIN_PASSWORD_LENGTH })}>
        <input type="password" autoComplete="new-password" {...errorProps('password', e.password)} />
      </Field>
      <Field name="confirmPassword" label={label ? t('confirmNewPassword') : t('confirmPassword')} error={e.confirmPassword}>
        <input type="password" autoComplete="new-password" {...errorProps('confirmPassword', e.confirmPassword)} />
      </Field>
    </div>
  );
}

/** Three questions chosen from the fixed list, each with its answer (fields question1..3, answer1..3). */
export function SecurityQuestionFields({ errors: e, values: v = {} }: { errors: Errors; values?: Record<string, string> }) {
  const t = useTranslations('clientSecurity');
  return (
    <>
      {[1, 2, 3].map((n) => (
        <fieldset key={n}>
          <legend>{t('fields.questionN', { n })}</legend>
          <Field name={`question${n}`} label={t('fields.question')} error={e[`question${n}`]}>
            <select defaultValue={v[`question${n}`] ?? ''} {...errorProps(`question${n}`, e[`question${n}`])}>
              <option value="" disabled>
                {t('fields.chooseQuestion')}
              </option>
              {SECURITY_QUESTIONS.map((q) => (
                <option key={q.id} value={q.id}>
                  {t(`questions.${questionKey(q.id)}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field name={`answer${n}`} label={t('fields.answer')} error={e[`answer${n}`]}>
            <input type="text" autoComplete="off" defaultValue={v[`answer${n}`]} {...errorProps(`answer${n}`, e[`answer${n}`])} />
          </Field>
        </fieldset>
      ))}
    </>
  );
}

/** Answers to two asked questions (fields answer1, answer2), labelled with the questions. */
export function AnswerFields({
  questions,
  errors: e,
  values: v = {},
}: {
  questions: string[];
  errors: Errors;
  values?: Record<string, string>;
}) {
  return (
    <>
      {questions.map((text, i) => {
        const name = `answer${i + 1}`;
        return (
          <Field key={name} name={name} label={text} error={e[name]}>
            <input type="text" autoComplete="off" spellCheck={false} defaultValue={v[name]} {...errorProps(name, e[name])} />
          </Field>
        );
      })}
    </>
  );
}

const DATE_PARTS = [
  { id: 'birthDate', name: 'birthMonth', label: 'month', autoComplete: 'bday-month', className: 'date-part' },
  { id: 'birthDate-day', name: 'birthDay', label: 'day', autoComplete: 'bday-day', className: 'date-part' },
  { id: 'birthDate-year', name: 'birthYear', label: 'year', autoComplete: 'bday-year', className: 'date-part year' },
] as const;

/**
 * The birth date in three fields, month, day and year (GOV.UK's memorable date: typing a date
 * decades back is quicker than paging a picker to it), in the US order, with one error for the
 * group. The month's field has the id `birthDate`, so the error summary's link to the birth date
 * lands on it; the domain puts the three together (src/accounts/fields.ts, withBirthDate).
 */
export function BirthDateFields({ error, values: v = {} }: { error?: string; values?: Record<string, string> }) {
  const t = useTranslations('clientSecurity.fields');
  return (
    <fieldset
      className={`date-input field${error ? ' invalid' : ''}`}
      aria-describedby={error ? 'birthDate-hint birthDate-error' : 'birthDate-hint'}
    >
      <legend>{t('birthDate')}</legend>
      <p className="hint" id="birthDate-hint">
        {t('birthExample')}
      </p>
      <div className="date-parts">
        {DATE_PARTS.map((part) => (
          <div key={part.name} className={part.className}>
            <label htmlFor={part.id}>{t(part.label)}</label>
            <input
              type="text"
              inputMode="numeric"
              id={part.id}
              name={part.name}
              autoComplete={part.autoComplete}
              defaultValue={v[part.name]}
              aria-invalid={error ? true : undefined}
            />
          </div>
        ))}
      </div>
      {error ? (
        <p className="field-error" id="birthDate-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
