import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';

/** The one database client of the API. Only repositories use it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  /** The connections Prisma runs on; `sql` runs plain statements on the same ones. */
  private readonly pool: Pool;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    const pool = new Pool({
      connectionString: config.DATABASE_URL,
      max: config.DATABASE_POOL_SIZE,
      // Fail fast rather than hang a request when the database is gone.
      connectionTimeoutMillis: 5_000,
    });
    // Prisma's defaults (2 s to get a connection, 5 s per transaction) abort honest work when the machine is briefly
    // overloaded; an unreachable database still fails fast through connectionTimeoutMillis.
    super({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: 10_000, timeout: 20_000 } });
    this.pool = pool;
    // An idle connection the server closed (a restart) is dropped and replaced; it must not stop the process.
    pool.on('error', (error) => new Logger('Database').warn(`An idle connection failed: ${error.message}`));
  }

  /**
   * One plain statement on the same connections, without Prisma's per-query
   * work (about a tenth of a millisecond of CPU each): for the few statements
   * every request or every support runs (docs/decisions/0013-performance.md).
   * Repositories only, like the rest of this client; `$1…` parameters;
   * `prepareAs` names a statement run very often (one name per text).
   */
  async sql<Row extends object>(text: string, params: readonly unknown[] = [], options: { prepareAs?: string } = {}): Promise<Row[]> {
    // A name prepares the statement once per connection: PostgreSQL (on the same cores) then skips parsing and planning it.
    return (await this.pool.query<Row>({ text, values: params as unknown[], name: options.prepareAs })).rows;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    if (!this.pool.ended) await this.pool.end();
  }
}

/** A client usable inside `prisma.$transaction(async (tx) => …)`. */
export type PrismaTransaction = Parameters<Parameters<PrismaService['$transaction']>[0]>[0];
