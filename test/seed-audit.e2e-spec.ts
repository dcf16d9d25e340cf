// The seed writes its audit entries through the same function as the API
// (AuditRepository.append → chainEntry): restricted ones are salted (scheme 2).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { seedDemo } from '../prisma/seed/seed';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { root, createTestDatabase } = require('./test-database') as { root: string; createTestDatabase(): Promise<{ url: string; drop(): Promise<unknown> }> };

describe('Demo seed and the audit log', () => {
  it('salts its restricted entries, and the chain verifies', async () => {
    const database = await createTestDatabase();
    try {
      await seedDemo(database.url, { demoAccounts: true });
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ visibility: string; scheme: number; salted: boolean }>(
          'SELECT DISTINCT visibility::text, scheme, salt IS NOT NULL AS salted FROM audit_entries ORDER BY 1',
        );
        expect(rows).toEqual([
          { visibility: 'public', scheme: 1, salted: false },
          { visibility: 'restricted', scheme: 2, salted: true },
        ]);
      } finally {
        await client.end();
      }
      const cli = spawnSync(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'scripts/audit-verify.ts')], { env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8' });
      expect(`${cli.stdout}${cli.stderr}`).toContain('OK —');
      expect(cli.status).toBe(0);
    } finally {
      await database.drop();
    }
  });
});
