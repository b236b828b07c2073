import { durationText } from '@/src/clock.ts';
import { SETUP_WINDOW_MS, WAITING_PERIOD_MS } from '@/src/eligibility/eligibility.ts';
import { Question } from './question.tsx';

/** The waiting period, turning it off, and where it is offered. */
export function Rules() {
  return (
    <>
      <Question id="wait">
        <p>
          If your account changed recently in a way someone else could use to take it over (your password changed or reset, new security
          questions, a changed rescue email or birth date), setup waits {durationText(WAITING_PERIOD_MS)} from the latest such change. That
          gives you time to notice if the change was not yours. Meanwhile your account works as usual, we email every address on file with
          the date the wait ends, and the Two-Step Verification section says why and until when.
        </p>
        <p>
          After the wait you have {durationText(SETUP_WINDOW_MS)} to complete setup. Another such change during those days, or completing
          setup after they have passed, starts a new waiting period.
        </p>
      </Question>

      <Question id="off">
        <p>
          Open Manage under Password and Security and choose <strong>Turn Off Two-Step Verification</strong>. You set three new security
          questions and confirm your birth date, and we email every address on file to confirm it is off.
        </p>
      </Question>

      <Question id="where">
        <p>
          It depends on the country or region of your account. The Two-Step Verification section on Password and Security always says
          whether it is offered there, and when a date is set, from which date. When it becomes available, Get Started appears there by
          itself.
        </p>
      </Question>
    </>
  );
}
