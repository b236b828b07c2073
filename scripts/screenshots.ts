// Screenshots of the first-time holder's journey (issue 12) at 320, 390 and 1280 px: the
// Two-Step section in four states (the demo accounts), Learn more and Contact support. Needs a
// production build (npm run build); serves it on its own ports with a throw-away database.
//   npx tsx scripts/screenshots.ts [out-dir]     (default docs/screenshots/journey)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { localEnv } from '../dev/standins/local-env.ts';
const dir = mkdtempSync(join(tmpdir(), 'two-step-shots-'));
const env = localEnv({ app: 3750, http: 3760, smtp: 3775 }, { DATABASE_URL: `file:${join(dir, 'shots.db')}`, BCRYPT_COST: '4', SESSION_SECRET: 'x'.repeat(40), CODE_HMAC_KEY: 'y'.repeat(40), TOTP_ENCRYPTION_KEY: 'z'.repeat(43) });
await new Promise((r) => spawn(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], { env: { ...process.env, ...env }, stdio: 'ignore' }).on('exit', r));
const p = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], { env: { ...process.env, ...env }, stdio: 'ignore' });
for (let i = 0; i < 120; i++) { if (await fetch('http://localhost:3750/sign-in').then((r) => r.ok, () => false)) break; await new Promise((r) => setTimeout(r, 500)); }
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ANSWERS: Record<string, string> = { colour: 'blue', color: 'blue', parents: 'paris', pet: 'rex' };
async function signedIn(page: Page, appleId: string) {
  await page.goto('http://localhost:3750/sign-in');
  await page.getByLabel('Apple ID').fill(appleId);
  await page.getByLabel('Password').fill('two-step demo 2013');
  await page.getByRole('button', { name: 'Sign In' }).click();
  await page.waitForURL(/\/account/);
  await page.goto('http://localhost:3750/account/security');
  const inputs = page.locator('input[name^="answer"]');
  const n = await inputs.count();
  for (let i = 0; i < n; i++) {
    const label = (await page.locator(`label[for="${await inputs.nth(i).getAttribute('id')}"]`).textContent()) ?? '';
    const key = Object.keys(ANSWERS).find((k) => label.toLowerCase().includes(k));
    await inputs.nth(i).fill(key ? ANSWERS[key]! : '');
  }
  if (n) { await page.getByRole('button', { name: /continue|answer|submit/i }).first().click(); await page.waitForTimeout(1500); }
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
  for (const path of ['help/two-step', 'contact-support']) {
    await page.goto(`http://localhost:3750/${path}`);
    await page.screenshot({ path: `${OUT}/${path.replace('/', '-')}-${width}.png`, fullPage: false });
  }
  await ctx.close();
}
await b.close();
p.kill();
rmSync(dir, { recursive: true, force: true });
