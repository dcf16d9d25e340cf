// `npm run db:seed` (also run by `npm start`): seeds DATABASE_URL, or the
// embedded database in .data/postgres.
import path from 'node:path';
import { withDatabase } from '../../scripts/lib/embedded-database.mjs';
import { seedDemo } from './seed';

const demoAccounts = process.env.NODE_ENV !== 'production';
withDatabase(path.resolve(__dirname, '../..'), (url: string) => seedDemo(url, { demoAccounts })).then(
  (result: string) => {
    console.log(result === 'seeded' ? `Demo data seeded${demoAccounts ? ' (with demo accounts)' : ''}.` : 'The database already holds a territory: seed skipped.');
    process.exit(0);
  },
  (error: unknown) => {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
