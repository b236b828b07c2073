// The test files share their modules within a worker unless they change them
// (vitest.config.ts CHANGES_SHARED_MODULES): what counts as changing them, and that the files
// known to depend on their own modules (the app's one runtime, mocked Next.js headers, an extra
// kind in the registry) get them.
import { describe, expect, it } from 'vitest';
import { CHANGES_SHARED_MODULES, OWN_MODULES } from '../../vitest.config.ts';

describe('test files that change shared modules', () => {
  it('are told by a mock, a spy, the environment, the runtime, the logger, the kind registry, the directory or a linter', () => {
    for (const changes of [
      "vi.mock('next/headers', async () => ({}))",
      "vi.spyOn(console, 'log')",
      "vi.stubEnv('APP_URL', 'x')",
      "process.env.DATABASE_URL = 'file:x'",
      "import { nextHeaders } from '../support-console/app-harness.ts'",
      "const { runtime } = await import('../../src/runtime.ts')",
      'setLogger(logger)',
      'addKind(fake)',
      "process.chdir('/tmp')",
      'const eslint = new ESLint({ ruleFilter })',
    ])
      expect(CHANGES_SHARED_MODULES.test(changes), changes).toBe(true);
    for (const reads of ["process.env.DATABASE_URL === 'x'", "expect(env.APP_URL).toBe('x')", 'vi.fn()', 'createTestDb()'])
      expect(CHANGES_SHARED_MODULES.test(reads), reads).toBe(false);
  });

  it('load modules of their own, as the files that drive the app through its runtime must', () => {
    for (const file of [
      'tests/app/proof-actions.int.test.ts',
      'tests/support-console/read-only.int.test.ts',
      'tests/throttle/parallel-attempts.int.test.ts',
      'tests/kinds/fifth-kind.int.test.ts',
      'tests/architecture/promises-lint.test.ts',
      'tests/architecture/line-width.test.ts',
    ])
      expect(OWN_MODULES).toContain(file);
    expect(OWN_MODULES).not.toContain('tests/codes/codes.test.ts');
  });
});
