import { looksLikePlaceholder, weakSecretProblems } from '@sesame/domain';
import { isIP } from 'node:net';
import { z } from 'zod';

/** An entry of TRUST_PROXY, as Express reads it: an address, a CIDR range or a named range. */
function isTrustedProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** Every environment variable the API reads (documented in .env.example and the README). */
export const ApiConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgresql:// URL' }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** The web front end's origin: the only origin CORS allows. */
  WEB_ORIGIN: z.url().default('http://localhost:3000'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Who may tell the API a client's address (X-Forwarded-For): the web server, and
   * nobody else, or the per-address limits can be dodged. Comma-separated addresses,
   * CIDR ranges or `loopback` / `linklocal` / `uniquelocal`; `false` (the default)
   * means `loopback`, the web server on this machine.
   */
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((value) => (value === 'false' ? ['loopback'] : value.split(',').map((entry) => entry.trim()).filter(Boolean)))
    .refine((entries) => entries.length > 0 && entries.every(isTrustedProxyEntry), {
      error: 'must list the web server’s addresses (IP addresses, CIDR ranges, loopback, linklocal or uniquelocal), never every address',
    }),
  /** Optional Redis shared by API instances (rate limits, live events); in-memory when unset. */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).optional(),
  /** Shared with the web server, which signs the short-lived credentials the API accepts (≥ 32 characters). */
  API_AUTH_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }),
  /** SMTP server for e-mails (smtp://user:pass@host:587). Unset: e-mails are written to OUTBOX_DIR as .eml files. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).default('Sésame <ne-pas-repondre@sesame.localhost>'),
  /** Where e-mails go when SMTP_URL is unset (development). */
  OUTBOX_DIR: z.string().min(1).default('.data/outbox'),
  /** Comma-separated addresses that become admins when they first sign in. */
  ADMIN_EMAILS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((email) => email.trim().toLowerCase()).filter(Boolean)),
  /** Run the background job worker in this process (e-mails, digests). Turn off on extra instances if you like. */
  JOBS_WORKER: booleanFlag.default(true),
  /** How often the worker looks for due jobs. */
  JOBS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Moderators are reminded (in their notifications and digest) of items waiting longer than this. */
  MODERATION_REMINDER_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),
  /** Anonymous public reads (proposals, register) answered from a half-second micro-cache (common/public-read-cache.ts). */
  API_READ_CACHE: z.enum(['on', 'off'], { error: 'must be "on" or "off"' }).default('on'),
  /** Largest accepted JSON body. */
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'must look like 100kb or 1mb').default('100kb'),
});
export type ApiConfig = z.infer<typeof ApiConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Variables whose value never appears in an error message (they end up in logs). */
const SECRET_VARIABLES = ['API_AUTH_SECRET'];

/**
 * In production, a secret copied from the documentation, short or guessable
 * is refused, and so is a placeholder database password (README, .env.example).
 */
function productionProblems(present: Record<string, string | undefined>): string[] {
  const problems = weakSecretProblems(present, SECRET_VARIABLES);
  let databasePassword = '';
  try {
    databasePassword = decodeURIComponent(new URL(present.DATABASE_URL ?? '').password);
  } catch {
    // An invalid URL is reported by the schema.
  }
  if (databasePassword && looksLikePlaceholder(databasePassword)) problems.push('DATABASE_URL has a placeholder password from the documentation: set the database’s real one');
  return problems;
}

/** Parses the environment; throws ConfigError with one line per missing or invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const problems = present.NODE_ENV === 'production' ? productionProblems(present) : [];
  const reported = new Set(problems.map((problem) => problem.split(' ')[0]));
  const result = ApiConfigSchema.safeParse(present);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const name = issue.path.join('.');
      if (reported.has(name)) continue;
      const given = SECRET_VARIABLES.includes(name) ? '' : ` (got "${String(present[name])}")`;
      problems.push(issue.code === 'invalid_type' && present[name] === undefined ? `${name} is required` : `${name} ${issue.message.replace(/^Invalid input: /, '')}${given}`);
    }
  }
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  return result.data;
}

export const API_CONFIG = Symbol('API_CONFIG');
