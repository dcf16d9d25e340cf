// Prisma CLI configuration (Prisma 7). Sésame applies migrations with its own
// wrapper (scripts/db/migrate.mjs) because the CLI's native engine cannot be
// downloaded on every machine; with internet access `npx prisma migrate deploy`
// gives the same result from the same folder.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/sesame' },
});
