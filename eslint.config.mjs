// Style slips the compiler lets through. Boundaries and cycles are dependency-cruiser's job
// (.dependency-cruiser.cjs); this only keeps each file's imports together at its top, once each.
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';

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
);
