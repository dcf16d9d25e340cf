// Types of embedded-database.mjs for the TypeScript scripts that use it.
export const EMBEDDED_USER: string;
export function freePort(): Promise<number>;
export function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  database?: string;
  log?: (line: string) => void;
}): Promise<{ url: string; adminUrl: string; appUrl: string; port: number; stop(): Promise<void> }>;
export function ensureDatabase(adminUrl: string, database: string): Promise<void>;
export function withDatabase<T>(rootDir: string, work: (databaseUrl: string, roles: { appUrl: string | undefined }) => Promise<T>): Promise<T>;
