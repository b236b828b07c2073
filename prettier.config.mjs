// How code is laid out: Prettier (`npm run format`; `npm run lint` checks it). LINE_WIDTH is also
// ESLint's max-len (eslint.config.mjs), for the comments Prettier does not break.
export const LINE_WIDTH = 140;

export default { printWidth: LINE_WIDTH, singleQuote: true };
