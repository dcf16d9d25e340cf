import { Prisma } from '../generated/prisma/client';
import type { PrismaService, PrismaTransaction } from '../prisma/prisma.service';

/**
 * Where a feature keeps who follows its records: a table of (subject id,
 * person id) pairs with both as primary key, e.g. `data_use_follows`
 * (`data_use_id`, `person_id`). That is all a new feature declares.
 */
export interface FollowTable {
  table: string;
  /** The column holding the followed record's id (a uuid). */
  subjectColumn: string;
}

/**
 * Following a record (a data use, a proposal…): one mechanism for every
 * feature, over each feature's own table (so a follow goes when its record
 * or its person does, by foreign key).
 */
export class FollowsRepository {
  private readonly table: Prisma.Sql;
  private readonly subject: Prisma.Sql;

  constructor(
    private readonly prisma: PrismaService,
    follows: FollowTable,
  ) {
    for (const name of [follows.table, follows.subjectColumn]) {
      if (!/^[a-z_]+$/.test(name)) throw new Error(`Not a table or column name: ${name}`);
    }
    this.table = Prisma.raw(follows.table);
    this.subject = Prisma.raw(follows.subjectColumn);
  }

  /** Idempotent: following twice is following. */
  async follow(subjectId: string, personId: string): Promise<void> {
    await this.prisma.$executeRaw`
      INSERT INTO ${this.table} (${this.subject}, person_id) VALUES (${subjectId}::uuid, ${personId}::uuid) ON CONFLICT DO NOTHING`;
  }

  async unfollow(subjectId: string, personId: string): Promise<void> {
    await this.prisma.$executeRaw`DELETE FROM ${this.table} WHERE ${this.subject} = ${subjectId}::uuid AND person_id = ${personId}::uuid`;
  }

  /** How many follow the record, and whether `personId` does (null for an anonymous visitor). */
  async followState(subjectId: string, personId: string | null): Promise<{ followers: number; following: boolean | null }> {
    const [row] = await this.prisma.$queryRaw<{ followers: number; following: boolean }[]>`
      SELECT count(*)::int AS followers, COALESCE(bool_or(person_id = ${personId}::uuid), false) AS following
      FROM ${this.table} WHERE ${this.subject} = ${subjectId}::uuid`;
    return { followers: row!.followers, following: personId === null ? null : row!.following };
  }

  /** Who to tell about a change, in the transaction of that change (deleted accounts never). */
  async followerIds(tx: PrismaTransaction, subjectId: string): Promise<string[]> {
    const rows = await tx.$queryRaw<{ person_id: string }[]>`
      SELECT f.person_id FROM ${this.table} f JOIN people p ON p.id = f.person_id
      WHERE f.${this.subject} = ${subjectId}::uuid AND p.deleted_at IS NULL`;
    return rows.map((row) => row.person_id);
  }
}
