// The import boundaries, checked by `npm test` (tests/architecture/import-boundaries.test.ts) and
// by `npm run lint:imports`:
//  - app/ (routes and UI) may import src/ (the domain); src/ never imports app/;
//  - production code (src/, app/) never imports dev/ (stand-ins, demo seed), scripts/ or tests;
//  - src/ folders are layered: each may import only the layers listed before it in SRC_LAYERS
//    (and the loose files at the top of src/), so no two layers ever depend on each other. A layer
//    is a folder, or the files of one name in every kind's folder and that name's list beside them
//    (a kind spans six layers: its settings, its RFC 8176 methods, what it is and how it proves,
//    its proof for a purpose, how a device of it is added, and the support staff's second factor
//    of its kind);
//  - no module imports itself back through others (no cycles anywhere).

/**
 * src/ from the bottom up. A layer may import any layer before it, never one after it.
 * Adding a folder means choosing its place here. A name with a star in the middle is one file name
 * in every kind's folder, with its list: the kinds' adding layer is src/kinds/<kind>/add.ts and
 * add-<part>.ts of every kind (and src/kinds/add-registry.ts), their proving layer the same for
 * prove, their settings, methods and staff factors the same (src/kinds/staff-registry.ts); the
 * layer 'kinds' is the rest of src/kinds/.
 */
const SRC_LAYERS = [
  'kinds/*/settings', // the kinds' environment variables, which src/config.ts (beneath every folder) composes
  'kinds/*/method', //   the kinds' RFC 8176 methods, which src/sessions/ records
  'generated', //        Prisma's generated clients
  'observability', //    the structured log and the metrics (imports no domain folder)
  'i18n', //             languages, message catalogues, the translator pages and emails share
  'db', //               clients, migrations, row locks
  'forms', //            form plumbing: parsing, messages next to fields, their refusals (no domain folder)
  'security-events', //  what happened to an account
  'mail', //             templates, the transactional outbox, recipients
  'throttle', //         counted attempts, device cookies
  'sessions', //         session rows, the Actor of a change
  'eligibility', //      the pure rule engine, waiting periods, countries
  'accounts', //         Apple IDs, passwords, an account's fields, security questions, sign-up
  'kinds', //            kinds of trusted device, one folder each (src/kinds/<kind>/): what each is and how it proves a step, its senders
  'codes', //            verification codes: sending, checking, limits
  'kinds/*/prove', //    a kind's proof of a step for a purpose, counted like codes (a signature's challenges and check)
  'proof', //            one way to prove a second step, for every flow that needs one
  'step-up', //          a fresh code before a sensitive change
  'recovery-key', //     the 14-character key
  'app-passwords', //    app-specific passwords and the app endpoint
  'devices', //          trusted devices of any kind: the limits, confirming, resending, removing, listing, announcing
  'kinds/*/add', //      adding a device of each kind, on the common machinery of devices/
  'account-changes', //  password, questions, rescue email, birth date
  'sign-in', //          flow: password, then code or Recovery Key
  'password-reset', //   flow: by emailed link, or by Recovery Key and trusted device
  'two-step', //         flow: turn on, turn off
  'oidc', //             other apps sign in through the portal (OpenID Connect provider)
  'support', //          the read-only support console
  'kinds/*/staff', //    each kind's second factor of support staff, on support/'s shared rules (listed by src/kinds/staff-registry.ts)
  'server', //           the HTTP server around Next.js
];

const alternation = (names) => `(${names.map((n) => n.replace(/[-]/g, '\\-')).join('|')})`;

// The files of a layer: a folder's (`^src/codes/`), or one file name's in every folder below one
// and its list beside them (the kinds' adding layer: `^src/kinds/([^/]+/add|add-registry)(\.ts|-[^/]*\.ts)$`).
const layerPath = (layer) => {
  if (!layer.includes('/*/')) return `^src/${layer.replace(/[-]/g, '\\-')}/`;
  const [folder, name] = layer.split('/*/').map((part) => part.replace(/[-]/g, '\\-'));
  return `^src/${folder}/([^/]+/${name}|${name}-registry)(\\.ts|-[^/]*\\.ts)$`;
};
// The layers whose files lie inside this one's folder (the kinds' adding layer inside kinds): not this layer's.
const nestedIn = (layer) => SRC_LAYERS.filter((l) => l.startsWith(`${layer}/`));
const TOP_FOLDERS = [...new Set(SRC_LAYERS.map((l) => l.split('/')[0]))];

/** The layers up to the i-th that are one file name in every folder below one (their files lie in a higher layer's folder). */
const filesInFolderAtOrBelow = (i) => SRC_LAYERS.slice(0, i + 1).filter((l) => l.includes('/*/'));

/** For each layer, a rule forbidding imports of the layers above it. */
const layerRules = SRC_LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer}`,
  comment: `src/${layer} sits below ${SRC_LAYERS.slice(i + 1).join(', ')}: it may not import them (.dependency-cruiser.cjs SRC_LAYERS).`,
  severity: 'error',
  from:
    nestedIn(layer).length > 0
      ? { path: layerPath(layer), pathNot: `(${nestedIn(layer).map(layerPath).join('|')})` }
      : { path: layerPath(layer) },
  to: {
    path: `(${SRC_LAYERS.slice(i + 1)
      .map(layerPath)
      .join('|')})`,
    // A layer inside a higher one's folder (the kinds' settings in src/kinds/) is not that folder's
    // layer: this one and those below it may be imported.
    ...(filesInFolderAtOrBelow(i).length > 0 ? { pathNot: `(${filesInFolderAtOrBelow(i).map(layerPath).join('|')})` } : {}),
  },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A module that imports itself back through others: move the shared part down a layer.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-not-to-app',
      comment: 'src/ is the domain: it takes its dependencies as arguments and never imports the UI.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^app/' },
    },
    {
      name: 'production-not-to-dev',
      comment: 'dev/ (stand-ins, demo seed), scripts/ and tests are never part of what production runs.',
      severity: 'error',
      from: { path: '^(src|app)/|^proxy\\.ts$' },
      to: { path: '^(dev|scripts|tests|e2e|e2e-instances)/' },
    },
    {
      name: 'src-folder-in-layers',
      comment: 'Every src/ folder has a place in SRC_LAYERS (.dependency-cruiser.cjs).',
      severity: 'error',
      from: { path: `^src/(?!${alternation(TOP_FOLDERS)}/)[^/]+/` },
      to: {},
    },
    {
      name: 'src-root-files-stay-low',
      comment:
        "The loose files at the top of src/ (clock, config, format, tokens) are below every folder (but the kinds' settings, which config composes, and i18n, whose catalogue result.ts says refusals from); only runtime.ts, the composition root, may import folders.",
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$', pathNot: '^src/runtime\\.ts$' },
      to: { path: '^src/[^/]+/', pathNot: `^src/(generated|db|i18n)/|${layerPath('kinds/*/settings')}` },
    },
    {
      name: 'second-step-through-proof',
      comment:
        'A flow asks for and checks a second step only through src/proof/second-step.ts (one way for every flow), never the code or passkey checks beneath it.',
      severity: 'error',
      from: { path: '^(src|app)/', pathNot: '^src/(codes|proof)/|^src/kinds/[^/]+/prove(\\.ts|-[^/]*\\.ts)$' },
      to: { path: '^src/codes/chosen-device\\.ts$' },
    },
    ...layerRules,
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^node_modules', '^\\.next', '^src/generated/.*/internal'] },
  },
};
