// The secrets a local installation generates once and keeps in
// .data/secrets.json (mode 600), beside the embedded database:
//   apiAuthSecret        web → API credentials (API_AUTH_SECRET)
//   nextAuthSecret       session cookies (NEXTAUTH_SECRET)
//   databasePassword     the embedded PostgreSQL's owner (a superuser)
//   appDatabasePassword  the role the API connects as (see database-roles.mjs)
// A secret missing from the file (a file written by an earlier version) is
// generated and added; a secret already there never changes.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SECRET_NAMES = ['apiAuthSecret', 'nextAuthSecret', 'databasePassword', 'appDatabasePassword'];

/** The secrets kept in `file`, generating the missing ones (256 random bits each). */
export function localSecrets(file) {
  const stored = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const missing = SECRET_NAMES.filter((name) => typeof stored[name] !== 'string' || stored[name] === '');
  if (missing.length > 0) {
    for (const name of missing) stored[name] = randomBytes(32).toString('base64url');
    mkdirSync(path.dirname(file), { recursive: true });
    // Written aside then renamed, so a concurrent reader never sees half a file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(stored, null, 2), { mode: 0o600 });
    chmodSync(partial, 0o600);
    renameSync(partial, file);
  }
  return stored;
}
