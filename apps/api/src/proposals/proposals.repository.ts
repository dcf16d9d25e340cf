import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DELETED_ACCOUNT_NAME, type ProposalContent, type ProposalQuery, type ProposalState, type Role, type SupportSettings } from '@sesame/domain';
import { Prisma, type Proposal } from '../generated/prisma/client';
import { FollowsRepository } from '../common/follows.repository';
import { nextReference, type ReferenceSeries } from '../common/references.repository';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

/** Proposals' references: PR-2027-001, -002… */
export const PROPOSAL_REFERENCES: ReferenceSeries = { prefix: 'PR-', table: 'proposals', lock: 'proposalReferences' };

export const DEFAULT_SUPPORT_SETTINGS: SupportSettings = { threshold: 50, windowDays: 90, requiresVerification: true };

const withLinks = {
  dataUse: { select: { reference: true, title: true } },
  supportTallies: { select: { count: true } },
} as const;

/** How many tallies a proposal's supports are spread over (see ProposalSupportTally in prisma/schema/proposals.prisma). */
const SUPPORT_TALLIES = 16;

/** A proposal's support count in SQL: the sum of its tallies (`alias` names the proposals row). */
const supportCountOf = (alias: string) => `(SELECT COALESCE(sum(t.count), 0)::int FROM proposal_support_tallies t WHERE t.proposal_id = ${alias}.id)`;

export type ProposalRow = Proposal & { dataUse: { reference: string; title: string } | null; supportCount: number };

type LinkedProposal = Proposal & { dataUse: { reference: string; title: string } | null; supportTallies: { count: number }[] };

/** A proposal as read with its links, its tallies summed into its support count. */
function toRow({ supportTallies, ...proposal }: LinkedProposal): ProposalRow {
  return { ...proposal, supportCount: supportTallies.reduce((sum, tally) => sum + tally.count, 0) };
}

/** A proposal page's facts besides its row (see pageFacts). */
export interface ProposalPageFacts {
  author: string | null;
  neighbourhoodName: string | null;
  followers: number;
  following: boolean;
  timeline: { state: ProposalState; at: string; reason: string; by: string | null }[];
}

/** What a list shows of a proposal: its summary's columns, the author's name and the neighbourhood's resolved. */
export type ProposalListRow = Pick<ProposalRow, 'reference' | 'state' | 'kind' | 'title' | 'authorId' | 'dataUse' | 'unlistedDataUse' | 'neighbourhoodId' | 'supportCount' | 'threshold' | 'collectingUntil' | 'submittedAt' | 'updatedAt'> & {
  author: string;
  neighbourhoodName: string | null;
};

/** What deciding on a support needs, read in one query (supports are the hot path). */
export interface SupportContext {
  id: string;
  reference: string;
  title: string;
  state: ProposalState;
  authorId: string;
  submittedAt: Date | null;
  collectingUntil: Date | null;
  /** The territory's current rule (not frozen on the proposal). */
  requiresVerification: boolean;
  /** Whether the supporter is a verified resident. */
  verified: boolean;
  /** Whether this person supports it already, and how many do. */
  supporting: boolean;
  supports: number;
}

@Injectable()
export class ProposalsRepository {
  private readonly follows: FollowsRepository;

  constructor(private readonly prisma: PrismaService) {
    this.follows = new FollowsRepository(prisma, { table: 'proposal_follows', subjectColumn: 'proposal_id' });
  }

  nextReference(tx: PrismaTransaction, year: number): Promise<string> {
    return nextReference(tx, PROPOSAL_REFERENCES, year);
  }

  /** The published register record a proposal may point at (null when unknown or a draft). */
  async publishedDataUseId(reference: string, tx: PrismaTransaction | PrismaService = this.prisma): Promise<string | null> {
    const row = await tx.dataUse.findFirst({ where: { reference, state: 'published' }, select: { id: true } });
    return row?.id ?? null;
  }

  async neighbourhoodExists(id: string): Promise<boolean> {
    return (await this.prisma.neighbourhood.count({ where: { id } })) > 0;
  }

  create(tx: PrismaTransaction, reference: string, authorId: string, columns: ProposalColumns): Promise<Proposal> {
    return tx.proposal.create({ data: { reference, authorId, ...columns } });
  }

  updateDraft(id: string, columns: ProposalColumns): Promise<Proposal> {
    return this.prisma.proposal.update({ where: { id }, data: columns });
  }

  async find(reference: string, tx: PrismaTransaction | PrismaService = this.prisma): Promise<ProposalRow | null> {
    const proposal = await tx.proposal.findUnique({ where: { reference }, include: withLinks });
    return proposal && toRow(proposal);
  }

  /** Locks the proposal's row until the transaction ends: supports and transitions on one proposal take turns. */
  async lock(tx: PrismaTransaction, reference: string): Promise<ProposalRow | null> {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM proposals WHERE reference = ${reference} FOR UPDATE`;
    if (rows.length === 0) return null;
    const proposal = await tx.proposal.findUnique({ where: { id: rows[0]!.id }, include: withLinks });
    return proposal && toRow(proposal);
  }

  async setState(tx: PrismaTransaction, id: string, state: ProposalState, data: Prisma.ProposalUpdateInput = {}): Promise<void> {
    await tx.proposal.update({ where: { id }, data: { ...data, state } });
  }

  async addEvent(tx: PrismaTransaction, proposalId: string, state: ProposalState, reason: string, actorId: string | null): Promise<void> {
    await tx.proposalEvent.create({ data: { proposalId, state, reason, actorId } });
  }

  /**
   * What a proposal's page shows besides its row, in one statement (the page
   * is among the most read): the author's and actors' names, the
   * neighbourhood, the timeline and the followers.
   */
  async pageFacts(row: ProposalRow, personId: string | null): Promise<ProposalPageFacts> {
    const nameOf = (alias: string) => Prisma.sql`CASE WHEN ${Prisma.raw(alias)}.deleted_at IS NULL THEN ${Prisma.raw(alias)}.pseudonym ELSE ${DELETED_ACCOUNT_NAME} END`;
    const [facts] = await this.prisma.$queryRaw<ProposalPageFacts[]>`
      SELECT
        (SELECT ${nameOf('a')} FROM people a WHERE a.id = ${row.authorId}::uuid) AS author,
        (SELECT n.name FROM neighbourhoods n WHERE n.id = ${row.neighbourhoodId}::uuid) AS "neighbourhoodName",
        (SELECT count(*)::int FROM proposal_follows f WHERE f.proposal_id = ${row.id}::uuid) AS followers,
        EXISTS (SELECT 1 FROM proposal_follows f WHERE f.proposal_id = ${row.id}::uuid AND f.person_id = ${personId}::uuid) AS following,
        COALESCE((
          SELECT json_agg(json_build_object(
                   'state', e.state,
                   'at', to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                   'reason', e.reason,
                   'by', CASE WHEN e.actor_id IS NULL THEN NULL ELSE ${nameOf('p')} END)
                 ORDER BY e.created_at, e.id)
          FROM proposal_events e LEFT JOIN people p ON p.id = e.actor_id
          WHERE e.proposal_id = ${row.id}::uuid), '[]'::json) AS timeline`;
    return facts!;
  }

  /** Pseudonyms by id (DELETED_ACCOUNT_NAME for deleted accounts). */
  async names(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const people = await this.prisma.person.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, pseudonym: true, deletedAt: true } });
    return new Map(people.map((p) => [p.id, p.deletedAt ? DELETED_ACCOUNT_NAME : p.pseudonym]));
  }

  /** The people (accounts not deleted) holding any of these roles: who hears of a new proposal. */
  async peopleWithRoles(tx: PrismaTransaction, roles: readonly Role[]): Promise<string[]> {
    const people = await tx.person.findMany({ where: { deletedAt: null, roles: { some: { role: { in: [...roles] } } } }, select: { id: true } });
    return people.map((person) => person.id);
  }

  async neighbourhoodNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.prisma.neighbourhood.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
    return new Map(rows.map((n) => [n.id, n.name]));
  }

  // ---- supports -----------------------------------------------------------

  /**
   * Adds one person's support in one statement (the hot path: see npm run
   * bench): the proposal's row is share-locked and checked to be collecting
   * (a transition's FOR UPDATE waits for supports in flight, and supports wait
   * for it), the support inserted (once per person: the primary key) and
   * counted on one of the tallies, all or nothing. Says whether it was
   * collecting, whether this support is new, and the count and threshold
   * after it (counting the supports committed before this one).
   */
  async supportWhileCollecting(proposalId: string, personId: string): Promise<{ collecting: boolean; created: boolean; supportedBefore: boolean; supports: number; threshold: number | null }> {
    const [row] = await this.prisma.sql<{ collecting: boolean; created: boolean; supported_before: boolean; supports: number; threshold: number | null }>(
      `
      WITH target AS (
        SELECT id FROM proposals
        WHERE id = $1::uuid AND state = 'admissible' AND collecting_until > now()
        FOR SHARE
      ), inserted AS (
        INSERT INTO proposal_supports (proposal_id, person_id) SELECT id, $2::uuid FROM target
        ON CONFLICT DO NOTHING
        RETURNING proposal_id
      ), counted AS (
        INSERT INTO proposal_support_tallies (proposal_id, shard, count) SELECT proposal_id, $3::smallint, 1 FROM inserted
        ON CONFLICT (proposal_id, shard) DO UPDATE SET count = proposal_support_tallies.count + 1
        RETURNING proposal_id
      )
      SELECT EXISTS (SELECT 1 FROM target) AS collecting,
        EXISTS (SELECT 1 FROM inserted) AS created,
        EXISTS (SELECT 1 FROM proposal_supports s WHERE s.proposal_id = $1::uuid AND s.person_id = $2::uuid) AS supported_before,
        ${supportCountOf('p')} + (SELECT count(*)::int FROM counted) AS supports,
        p.threshold
      FROM proposals p WHERE p.id = $1::uuid`,
      [proposalId, personId, randomTally()],
      { prepareAs: 'support-while-collecting' },
    );
    return { collecting: row?.collecting ?? false, created: row?.created ?? false, supportedBefore: row?.supported_before ?? false, supports: row?.supports ?? 0, threshold: row?.threshold ?? null };
  }

  /**
   * Removes one person's support in one statement, the proposal's row
   * share-locked first as a support does, and only while it collects.
   */
  async withdrawWhileCollecting(proposalId: string, personId: string): Promise<{ collecting: boolean; removed: boolean; supportedBefore: boolean; supports: number }> {
    const [row] = await this.prisma.sql<{ collecting: boolean; removed: boolean; supported_before: boolean; supports: number }>(
      `
      WITH target AS (
        SELECT id FROM proposals
        WHERE id = $1::uuid AND state = 'admissible' AND collecting_until > now()
        FOR SHARE
      ), removed AS (
        DELETE FROM proposal_supports s USING target
        WHERE s.proposal_id = target.id AND s.person_id = $2::uuid
        RETURNING s.proposal_id
      ), counted AS (
        INSERT INTO proposal_support_tallies (proposal_id, shard, count) SELECT proposal_id, $3::smallint, -1 FROM removed
        ON CONFLICT (proposal_id, shard) DO UPDATE SET count = proposal_support_tallies.count - 1
        RETURNING proposal_id
      )
      SELECT EXISTS (SELECT 1 FROM target) AS collecting,
        EXISTS (SELECT 1 FROM removed) AS removed,
        EXISTS (SELECT 1 FROM proposal_supports s WHERE s.proposal_id = $1::uuid AND s.person_id = $2::uuid) AS supported_before,
        ${supportCountOf('p')} - (SELECT count(*)::int FROM counted) AS supports
      FROM proposals p WHERE p.id = $1::uuid`,
      [proposalId, personId, randomTally()],
    );
    return { collecting: row?.collecting ?? false, removed: row?.removed ?? false, supportedBefore: row?.supported_before ?? false, supports: row?.supports ?? 0 };
  }

  /** Proposals still collecting whose count has reached their threshold (a qualification to catch up on). */
  async reachedThreshold(): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ reference: string }[]>`
      SELECT p.reference FROM proposals p WHERE p.state = 'admissible' AND p.threshold IS NOT NULL AND ${Prisma.raw(supportCountOf('p'))} >= p.threshold`;
    return rows.map((row) => row.reference);
  }

  async isSupporting(proposalId: string, personId: string): Promise<boolean> {
    return (await this.prisma.proposalSupport.count({ where: { proposalId, personId } })) > 0;
  }

  /** The proposal, the verification rule and the supporter's verification, in one round trip; null when there is no such proposal. */
  async supportContext(reference: string, personId: string): Promise<SupportContext | null> {
    const rows = await this.prisma.sql<
      { id: string; reference: string; title: string; state: ProposalState; author_id: string; submitted_at: Date | null; collecting_until: Date | null; requires_verification: boolean; verified: boolean; supporting: boolean; support_count: number }
    >(
      `
      SELECT p.id, p.reference, p.title, p.state::text AS state, p.author_id, p.submitted_at, p.collecting_until,
        COALESCE((SELECT t.support_requires_verification FROM territories t ORDER BY t.created_at LIMIT 1), $3::boolean) AS requires_verification,
        EXISTS (SELECT 1 FROM resident_verifications v WHERE v.person_id = $2::uuid) AS verified,
        EXISTS (SELECT 1 FROM proposal_supports s WHERE s.proposal_id = p.id AND s.person_id = $2::uuid) AS supporting,
        ${supportCountOf('p')} AS support_count
      FROM proposals p WHERE p.reference = $1`,
      [reference, personId, DEFAULT_SUPPORT_SETTINGS.requiresVerification],
      { prepareAs: 'support-context' },
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      reference: row.reference,
      title: row.title,
      state: row.state,
      authorId: row.author_id,
      submittedAt: row.submitted_at,
      collectingUntil: row.collecting_until,
      requiresVerification: row.requires_verification,
      verified: row.verified,
      supporting: row.supporting,
      supports: row.support_count,
    };
  }

  async isVerified(personId: string, tx: PrismaTransaction | PrismaService = this.prisma): Promise<boolean> {
    return (await tx.residentVerification.count({ where: { personId } })) > 0;
  }

  // ---- follows ------------------------------------------------------------

  /** Idempotent: following twice is following. */
  follow(proposalId: string, personId: string): Promise<void> {
    return this.follows.follow(proposalId, personId);
  }

  unfollow(proposalId: string, personId: string): Promise<void> {
    return this.follows.unfollow(proposalId, personId);
  }

  async followState(proposalId: string, personId: string | null): Promise<{ followers: number; following: boolean }> {
    const { followers, following } = await this.follows.followState(proposalId, personId);
    return { followers, following: following ?? false };
  }

  followerIds(tx: PrismaTransaction, proposalId: string): Promise<string[]> {
    return this.follows.followerIds(tx, proposalId);
  }

  // ---- lists --------------------------------------------------------------

  /**
   * One page of public proposals, with what their summaries show (author's
   * name, neighbourhood, data use) and the total, in one statement: the list is
   * among the most read routes (issue 13's benchmark), so one round trip.
   */
  async page(query: ProposalQuery): Promise<{ rows: ProposalListRow[]; total: number }> {
    const { page, pageSize, q, status, kind, dataUse, neighbourhoodId, sort } = query;
    // "Closing soon" only makes sense for proposals still collecting.
    const state = status ?? (sort === 'closing_soon' ? 'admissible' : null);
    const conditions = [
      Prisma.sql`p.submitted_at IS NOT NULL`,
      state ? Prisma.sql`p.state = ${state}::"ProposalState"` : Prisma.sql`p.state <> 'draft'`,
      ...(q ? [Prisma.sql`to_tsvector('french'::regconfig, p.title || ' ' || p.body || ' ' || p.why || ' ' || p.unlisted_data_use) @@ websearch_to_tsquery('french'::regconfig, ${q})`] : []),
      ...(kind ? [Prisma.sql`p.kind = ${kind}`] : []),
      ...(dataUse ? [Prisma.sql`d.reference = ${dataUse}`] : []),
      ...(neighbourhoodId ? [Prisma.sql`p.neighbourhood_id = ${neighbourhoodId}::uuid`] : []),
    ];
    const orderBy =
      sort === 'most_supported'
        ? Prisma.sql`${Prisma.raw(supportCountOf('p'))} DESC, p.submitted_at DESC, p.reference DESC`
        : sort === 'closing_soon'
          ? Prisma.sql`p.collecting_until ASC NULLS LAST, p.submitted_at DESC, p.reference DESC`
          : Prisma.sql`p.submitted_at DESC, p.reference DESC`;
    const rows = await this.prisma.$queryRaw<(ProposalListRow & { total: bigint })[]>`
      SELECT p.reference, p.state::text AS state, p.kind, p.title, p.author_id AS "authorId",
             CASE WHEN a.deleted_at IS NULL THEN a.pseudonym ELSE ${DELETED_ACCOUNT_NAME} END AS author,
             CASE WHEN d.id IS NULL THEN NULL ELSE json_build_object('reference', d.reference, 'title', d.title) END AS "dataUse",
             p.unlisted_data_use AS "unlistedDataUse", p.neighbourhood_id AS "neighbourhoodId", n.name AS "neighbourhoodName",
             ${Prisma.raw(supportCountOf('p'))} AS "supportCount", p.threshold, p.collecting_until AS "collectingUntil",
             p.submitted_at AS "submittedAt", p.updated_at AS "updatedAt", count(*) OVER () AS total
      FROM proposals p
      JOIN people a ON a.id = p.author_id
      LEFT JOIN data_uses d ON d.id = p.data_use_id
      LEFT JOIN neighbourhoods n ON n.id = p.neighbourhood_id
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY ${orderBy}
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
    // Past the last page no row carries the total: count it then (rare).
    const total = rows[0] ? Number(rows[0].total) : page === 1 ? 0 : await this.count(conditions);
    return { rows: rows.map(({ total: _total, ...row }) => row), total };
  }

  private async count(conditions: Prisma.Sql[]): Promise<number> {
    const [row] = await this.prisma.$queryRaw<{ total: bigint }[]>`
      SELECT count(*) AS total FROM proposals p LEFT JOIN data_uses d ON d.id = p.data_use_id WHERE ${Prisma.join(conditions, ' AND ')}`;
    return Number(row?.total ?? 0);
  }

  /** How many public proposals wait in each of these states (the organizers' page). */
  async countInStates(states: readonly ProposalState[]): Promise<Map<ProposalState, number>> {
    const groups = await this.prisma.proposal.groupBy({ by: ['state'], where: { state: { in: [...states] }, submittedAt: { not: null } }, _count: { _all: true } });
    return new Map(groups.map((group) => [group.state, group._count._all]));
  }

  async byAuthor(authorId: string): Promise<ProposalRow[]> {
    return (await this.prisma.proposal.findMany({ where: { authorId }, orderBy: { updatedAt: 'desc' }, include: withLinks })).map(toRow);
  }

  /** Every public proposal, oldest first (open data). */
  async allPublic(): Promise<ProposalRow[]> {
    return (await this.prisma.proposal.findMany({ where: { submittedAt: { not: null }, state: { not: 'draft' } }, orderBy: { reference: 'asc' }, include: withLinks })).map(toRow);
  }

  /** The newest timeline events of public proposals (the Atom feed). */
  latestEvents(limit: number) {
    return this.prisma.proposalEvent.findMany({
      where: { proposal: { submittedAt: { not: null } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
      include: { proposal: { select: { reference: true, title: true } } },
    });
  }

  /** Proposals collecting supports whose window has closed by `now`. */
  async windowsClosedBy(now: Date): Promise<string[]> {
    const rows = await this.prisma.proposal.findMany({ where: { state: 'admissible', collectingUntil: { lte: now } }, select: { reference: true } });
    return rows.map((r) => r.reference);
  }

  // ---- settings -----------------------------------------------------------

  async supportSettings(tx: PrismaTransaction | PrismaService = this.prisma): Promise<SupportSettings> {
    const territory = await tx.territory.findFirst({ orderBy: { createdAt: 'asc' }, select: { supportThreshold: true, supportWindowDays: true, supportRequiresVerification: true } });
    if (!territory) return DEFAULT_SUPPORT_SETTINGS;
    return { threshold: territory.supportThreshold, windowDays: territory.supportWindowDays, requiresVerification: territory.supportRequiresVerification };
  }

  /** false when the instance has no territory yet. */
  async setSupportSettings(tx: PrismaTransaction, settings: SupportSettings): Promise<boolean> {
    const territory = await tx.territory.findFirst({ orderBy: { createdAt: 'asc' }, select: { id: true } });
    if (!territory) return false;
    await tx.territory.update({
      where: { id: territory.id },
      data: { supportThreshold: settings.threshold, supportWindowDays: settings.windowDays, supportRequiresVerification: settings.requiresVerification },
    });
    return true;
  }
}

/** One of the tallies, at random: supports given at once rarely share one. */
function randomTally(): number {
  return randomInt(SUPPORT_TALLIES);
}

export interface ProposalColumns {
  kind: string;
  dataUseId: string | null;
  unlistedDataUse: string;
  title: string;
  body: string;
  why: string;
  expectedEffect: string;
  neighbourhoodId: string | null;
}

export function contentOf(row: ProposalRow): ProposalContent {
  return {
    kind: row.kind as ProposalContent['kind'],
    dataUseReference: row.dataUse?.reference ?? null,
    unlistedDataUse: row.unlistedDataUse,
    title: row.title,
    body: row.body,
    why: row.why,
    expectedEffect: row.expectedEffect,
    neighbourhoodId: row.neighbourhoodId,
  };
}
