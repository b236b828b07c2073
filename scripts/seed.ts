// Migrates the database and seeds the availability list (when empty), the demo accounts and, with
// the local stand-ins, their demo apps (registered on the stand-ins' address).
import { config } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { runtime } from '../src/runtime.ts';
import { seedCountryAvailability } from '../src/eligibility/countries.ts';
import { seedDemoAccounts } from '../dev/seed/demo-accounts.ts';
import { seedDemoApps } from '../dev/seed/demo-apps.ts';

const c = config();
await migrate(c.DATABASE_URL, { log: (line) => console.log(line) });
const rt = runtime();
if ((await rt.db.countryAvailability.count()) === 0) {
  console.log(`seeded ${await seedCountryAvailability(rt.db)} countries and regions where two-step is available`);
}
const created = await seedDemoAccounts(rt);
if (created.length) console.log(`seeded demo accounts: ${created.join(', ')}`);
if (c.STANDINS === 'on' && c.STANDINS_URL) {
  const apps = await seedDemoApps(rt.db, { standinsUrl: c.STANDINS_URL, sessionSecret: c.SESSION_SECRET }, rt.clock.now());
  if (apps.length) console.log(`seeded demo apps: ${apps.join(', ')}`);
}
await rt.db.$disconnect();
