import { Client } from 'pg';
import { seedDemo } from '../prisma/seed/seed';
import { DEMO_ACCOUNTS } from '../prisma/seed/people.seed';
import { DEMO_NEIGHBOURHOODS } from '../prisma/seed/territory.seed';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createTestDatabase } = require('./test-database') as { createTestDatabase(): Promise<{ url: string; drop(): Promise<unknown> }> };

async function query<Row>(url: string, sql: string): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

describe('Demo seed', () => {
  it('seeds the territory, neighbourhoods and demo accounts once, each audited', async () => {
    const database = await createTestDatabase();
    try {
      expect(await seedDemo(database.url, { demoAccounts: true })).toBe('seeded');
      expect(await seedDemo(database.url, { demoAccounts: true })).toBe('already-seeded');
      const [counts] = await query<{ territories: number; neighbourhoods: number; people: number; roles: number }>(
        database.url,
        'SELECT (SELECT count(*)::int FROM territories) AS territories, (SELECT count(*)::int FROM neighbourhoods) AS neighbourhoods, (SELECT count(*)::int FROM people) AS people, (SELECT count(*)::int FROM person_roles) AS roles',
      );
      const roleCount = DEMO_ACCOUNTS.reduce((sum, account) => sum + account.roles.length, 0);
      expect(counts).toEqual({ territories: 1, neighbourhoods: DEMO_NEIGHBOURHOODS.length, people: DEMO_ACCOUNTS.length, roles: roleCount });
      const actions = await query<{ action: string; n: number }>(database.url, 'SELECT action, count(*)::int AS n FROM audit_entries GROUP BY action ORDER BY action');
      expect(actions).toEqual([
        { action: 'neighbourhood.created', n: DEMO_NEIGHBOURHOODS.length },
        { action: 'person.created', n: DEMO_ACCOUNTS.length },
        { action: 'platform.seeded', n: 1 },
        { action: 'role.granted', n: roleCount },
        { action: 'territory.created', n: 1 },
      ]);
      // E-mail addresses never reach the public log.
      const leaks = await query(database.url, "SELECT seq FROM audit_entries WHERE data::text LIKE '%@%'");
      expect(leaks).toEqual([]);
    } finally {
      await database.drop();
    }
  });

  it('creates no demo account in production', async () => {
    const database = await createTestDatabase();
    try {
      await seedDemo(database.url, { demoAccounts: false });
      expect(await query(database.url, 'SELECT id FROM people')).toEqual([]);
      expect(await query(database.url, 'SELECT id FROM neighbourhoods')).toHaveLength(DEMO_NEIGHBOURHOODS.length);
    } finally {
      await database.drop();
    }
  });
});
