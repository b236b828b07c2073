// Reads back what the portal logs: a logger whose lines (JSON, as in production) go to an array
// instead of standard output, made the process's logger for the test (src/observability/log.ts).
import { createLogger, setLogger, type Logger } from '../../src/observability/log.ts';

export interface CapturedLog {
  logger: Logger;
  /** Every line so far, parsed. */
  lines: Array<Record<string, unknown>>;
  /** Every line so far, as written. */
  text(): string;
  /** Puts the previous logger back. */
  restore(): void;
}

export function captureLog(level: 'info' | 'debug' = 'info'): CapturedLog {
  const raw: string[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void raw.push(line) } });
  const previous = setLogger(logger);
  return {
    logger,
    get lines() {
      return raw.map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    text: () => raw.join(''),
    restore: () => void setLogger(previous),
  };
}
