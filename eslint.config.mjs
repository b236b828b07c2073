// Slips the compiler lets through, and comments past the line width. Boundaries and cycles are dependency-cruiser's job
// (.dependency-cruiser.cjs); this keeps each file's imports together at its top, once each, and
// (with the types, so on TypeScript files only) catches promises nobody waits for: a rejection
// that escapes as an unhandled one, a write the response goes out before, an async function
// handed to a caller that ignores what it returns.
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { LINE_WIDTH } from './prettier.config.mjs';

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', 'src/generated/', 'test-results/', 'test-reports/', 'next-env.d.ts'] },
  {
    files: ['**/*.{ts,tsx,mjs}'],
    languageOptions: { parser: tseslint.parser },
    plugins: { 'import-x': importX },
    rules: {
      'import-x/first': 'error',
      'import-x/no-duplicates': 'error',
    },
  },
  {
    // Prettier lays code out within LINE_WIDTH (prettier.config.mjs) but does not break comments:
    // this refuses those. A sentence in a string may run on, so that a search for it finds it.
    files: ['**/*.{ts,tsx,mjs,cjs,js}'],
    rules: {
      'max-len': [
        'error',
        { code: LINE_WIDTH, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    // The project service reads tsconfig.json once for every file (the compiler's own view).
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // Waited for, or `void` with a comment saying why nobody needs to wait.
      '@typescript-eslint/no-floating-promises': 'error',
      // React 19 awaits what a form's `action` and event handlers return (server actions are
      // async by nature), so async functions in JSX attributes are intended; everywhere else an
      // async function where a plain callback is expected is a slip.
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
);
