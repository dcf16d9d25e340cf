import { z } from 'zod';

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
  /** Set when the API runs behind a reverse proxy, so that client IPs come from X-Forwarded-For. */
  TRUST_PROXY: booleanFlag.default(false),
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
  /** Largest accepted JSON body. */
  BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'must look like 100kb or 1mb').default('100kb'),
});
export type ApiConfig = z.infer<typeof ApiConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment; throws ConfigError with one line per missing or invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = ApiConfigSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return issue.code === 'invalid_type' && present[name] === undefined
          ? `${name} is required`
          : `${name} ${issue.message.replace(/^Invalid input: /, '')} (got "${String(present[name])}")`;
      }),
    );
  }
  return result.data;
}

export const API_CONFIG = Symbol('API_CONFIG');
