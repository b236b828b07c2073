// Screenshots of the first-time holder's journey at 320, 390 and 1280 px: the
// Two-Step section in four states (the demo accounts), Learn more and Contact support, and the
// Trusted Devices page with one device of every kind and the QR step of adding an authenticator
// app, and other apps: iCloud (demo)'s consent page, and the apps and browsers on Password and
// Security. Needs a production build (npm run build); serves it on its own ports (moved by
// E2E_PORT_OFFSET, as the e2e run's) with a throw-away database.
//   npx tsx scripts/screenshots.ts [out-dir]     (default docs/screenshots/journey)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { localEnv, TEST_SECRETS } from '../dev/standins/local-env.ts';
import { createDb } from '../src/db/client.ts';
const o = Number(process.env.E2E_PORT_OFFSET ?? 0);
const APP = `http://localhost:${3750 + o}`;
const STANDINS = `http://127.0.0.1:${3760 + o}`;
const dir = mkdtempSync(join(tmpdir(), 'two-step-shots-'));
const env = localEnv(
  { app: 3750 + o, http: 3760 + o, smtp: 3775 + o },
  { DATABASE_URL: `file:${join(dir, 'shots.db')}`, BCRYPT_COST: '4', ...TEST_SECRETS },
);
await new Promise((r) =>
  spawn(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], { env: { ...process.env, ...env }, stdio: 'ignore' }).on('exit', r),
);
const p = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], { env: { ...process.env, ...env }, stdio: 'ignore' });
for (let i = 0; i < 120; i++) {
  if (
    await fetch(`${APP}/sign-in`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((r) => setTimeout(r, 500));
}
await seedEveryKind(env.DATABASE_URL!);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ANSWERS: Record<string, string> = { colour: 'blue', color: 'blue', parents: 'paris', pet: 'rex' };
async function signedIn(page: Page, appleId: string) {
  await page.goto(`${APP}/sign-in`);
  await page.getByLabel('Apple ID').fill(appleId);
  await page.getByLabel('Password').fill('two-step demo 2013');
  await page.getByRole('button', { name: 'Sign In' }).click();
  await page.waitForURL(/\/account/);
  await page.goto(`${APP}/account/security`);
  const inputs = page.locator('input[name^="answer"]');
  const n = await inputs.count();
  for (let i = 0; i < n; i++) {
    const label = (await page.locator(`label[for="${await inputs.nth(i).getAttribute('id')}"]`).textContent()) ?? '';
    const key = Object.keys(ANSWERS).find((k) => label.toLowerCase().includes(k));
    await inputs.nth(i).fill(key ? ANSWERS[key]! : '');
  }
  if (n) {
    await page
      .getByRole('button', { name: /continue|answer|submit/i })
      .first()
      .click();
    await page.waitForTimeout(1500);
  }
}
/**
 * Avery (two-step off, so no code is asked before the page) gets one trusted device of every kind
 * and an authenticator app whose setup was not finished, as their flows leave them. The TOTP
 * secret is a placeholder: the page never reads it.
 */
async function seedEveryKind(url: string) {
  const db = createDb(url);
  const { id: accountId } = await db.account.findFirstOrThrow({ where: { appleId: 'avery@two-step.test' } });
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
  const reg = await db.registeredDevice.create({ data: { accountId, deviceId: 'sim-shots', name: 'Avery’s iPhone', createdAt: at(60) } });
  await db.trustedDevice.createMany({
    data: [
      { accountId, kind: 'sms', phoneNumber: '+15550100077', createdAt: at(90), verifiedAt: at(90), lastUsedAt: at(2) },
      { accountId, kind: 'push', registeredDeviceId: reg.id, createdAt: at(60), verifiedAt: at(60) },
      { accountId, kind: 'totp', name: 'Authy', totpSecret: 'v1.placeholder', createdAt: at(30), verifiedAt: at(30), lastUsedAt: at(1) },
      {
        accountId,
        kind: 'passkey',
        name: 'YubiKey 5C',
        credentialId: 'shots-credential',
        publicKey: 'shots-key',
        signCount: 0,
        createdAt: at(10),
        verifiedAt: at(10),
      },
      { accountId, kind: 'totp', name: '1Password', totpSecret: 'v1.placeholder', createdAt: at(0) },
    ],
  });
  await db.$disconnect();
}
async function dropPendingApps(url: string, name: string) {
  const db = createDb(url);
  await db.trustedDevice.deleteMany({ where: { kind: 'totp', name, verifiedAt: null } });
  await db.$disconnect();
}
const OUT = process.argv[2] ?? 'docs/screenshots/journey';
for (const width of [320, 390, 1280]) {
  for (const who of ['avery', 'nima', 'robin', 'quinn']) {
    const ctx = await b.newContext({ viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    await signedIn(page, `${who}@two-step.test`);
    await page.screenshot({ path: `${OUT}/section-${who}-${width}.png`, fullPage: false });
    await ctx.close();
  }
  const ctx = await b.newContext({ viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  await signedIn(page, 'avery@two-step.test');
  await page.goto(`${APP}/account/security/devices`);
  await page.screenshot({ path: `${OUT}/devices-every-kind-${width}.png`, fullPage: true });
  // The QR step of adding an authenticator app (a new pending app each width; its key is random).
  await page.goto(`${APP}/account/security/devices/authenticator`);
  await page.getByLabel('Name', { exact: true }).fill('Phone authenticator');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/authenticator\?id=/);
  await page.screenshot({ path: `${OUT}/authenticator-qr-${width}.png`, fullPage: true });
  await dropPendingApps(env.DATABASE_URL!, 'Phone authenticator'); // so the next width's device list is as seeded
  for (const path of ['help/two-step', 'contact-support']) {
    await page.goto(`${APP}/${path}`);
    await page.screenshot({ path: `${OUT}/${path.replace('/', '-')}-${width}.png`, fullPage: false });
  }
  // Other apps: iCloud (demo) asks Avery (signed in already) what it may receive (every time: it
  // asks with prompt=consent, to keep access while Avery is away); then Password and Security
  // lists it, with the browsers signed in.
  await page.goto(`${STANDINS}/icloud/`);
  await page.getByRole('link', { name: 'Sign in with your Apple ID' }).click();
  await page.waitForURL(/\/sign-in\/consent/);
  await page.screenshot({ path: `${OUT}/app-consent-${width}.png`, fullPage: true });
  await page.getByRole('button', { name: 'Allow', exact: true }).click();
  await page.waitForURL(`${STANDINS}/icloud/`);
  await page.goto(`${APP}/account/security`);
  await page.locator('section[aria-labelledby="apps-heading"]').screenshot({ path: `${OUT}/apps-and-browsers-${width}.png` });
  await page.locator('section[aria-labelledby="browsers-heading"]').screenshot({ path: `${OUT}/browsers-${width}.png` });
  await ctx.close();
}
await b.close();
p.kill();
rmSync(dir, { recursive: true, force: true });
