// Migrates the database and seeds the availability list (when empty) and the demo accounts.
import { config } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { runtime } from '../src/runtime.ts';
import { seedCountryAvailability } from '../src/eligibility/countries.ts';
import { seedDemoAccounts } from '../dev/seed/demo-accounts.ts';

const c = config();
await migrate(c.DATABASE_URL, { log: (line) => console.log(line) });
const rt = runtime();
if ((await rt.db.countryAvailability.count()) === 0) {
  console.log(`seeded ${await seedCountryAvailability(rt.db)} countries and regions where two-step is available`);
}
const created = await seedDemoAccounts(rt);
if (created.length) console.log(`seeded demo accounts: ${created.join(', ')}`);
await rt.db.$disconnect();
