import { Injectable } from '@nestjs/common';
import type { ActionStatus, ResponseDecision } from '@sesame/domain';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

type Db = PrismaService | PrismaTransaction;

const responseInclude = {
  actions: { orderBy: { number: 'asc' } },
  reports: { orderBy: { number: 'asc' } },
} as const satisfies Prisma.AuthorityResponseInclude;
export type ResponseRow = Prisma.AuthorityResponseGetPayload<{ include: typeof responseInclude }>;

/** A published recommendation, read from the recommendations feature's tables (its title is its current version's). */
const publishedSelect = {
  id: true,
  reference: true,
  version: true,
  position: true,
  versions: { select: { version: true, title: true } },
  opinion: {
    select: {
      id: true,
      reference: true,
      title: true,
      publishedAt: true,
      responseDeadlineDays: true,
      responseDueAt: true,
      referral: { select: { reference: true, dataUseId: true, proposalId: true, dataUse: { select: { reference: true } }, consultation: { select: { reference: true, originProposalId: true } } } },
    },
  },
} as const satisfies Prisma.RecommendationSelect;
type PublishedRow = Prisma.RecommendationGetPayload<{ select: typeof publishedSelect }>;

/** What the answer needs of a published recommendation (the shape of `PublishedRecommendationFacts`, with dates). */
export interface PublishedItem {
  id: string;
  reference: string;
  title: string;
  position: number;
  opinionId: string;
  opinion: string;
  opinionTitle: string;
  publishedAt: Date;
  responseDeadlineDays: number;
  responseDueAt: Date;
  dataUse: string | null;
  dataUseId: string | null;
  consultation: string | null;
  proposalIds: string[];
  referral: string;
}

function itemOf(row: PublishedRow): PublishedItem | null {
  const o = row.opinion;
  if (!o || !o.reference || !o.publishedAt || !o.responseDueAt) return null;
  const title = row.versions.find((v) => v.version === row.version)?.title ?? '';
  return {
    id: row.id,
    reference: row.reference,
    title,
    position: row.position ?? 0,
    opinionId: o.id,
    opinion: o.reference,
    opinionTitle: o.title,
    publishedAt: o.publishedAt,
    responseDeadlineDays: o.responseDeadlineDays ?? 60,
    responseDueAt: o.responseDueAt,
    dataUse: o.referral.dataUse?.reference ?? null,
    dataUseId: o.referral.dataUseId,
    consultation: o.referral.consultation?.reference ?? null,
    proposalIds: [o.referral.proposalId, o.referral.consultation?.originProposalId].filter((id): id is string => !!id),
    referral: o.referral.reference,
  };
}

@Injectable()
export class AuthorityResponsesRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: PrismaTransaction) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  // ——— published recommendations ———

  async published(reference: string, db: Db = this.prisma): Promise<PublishedItem | null> {
    const row = await db.recommendation.findFirst({ where: { reference, state: 'published' }, select: publishedSelect });
    return row ? itemOf(row) : null;
  }

  /** Every published recommendation, opinions newest first, in the opinion's order. */
  async allPublished(): Promise<PublishedItem[]> {
    const rows = await this.prisma.recommendation.findMany({ where: { state: 'published' }, select: publishedSelect, orderBy: [{ opinion: { publishedAt: 'desc' } }, { position: 'asc' }] });
    return rows.map(itemOf).filter((item): item is PublishedItem => item !== null);
  }

  /** Holds the recommendation's row until the transaction ends, so two answers at once queue and the second sees the first. */
  async lockRecommendation(tx: PrismaTransaction, id: string): Promise<void> {
    await tx.$queryRaw`SELECT id FROM recommendations WHERE id = ${id}::uuid FOR UPDATE`;
  }

  // ——— responses ———

  response(recommendationId: string, db: Db = this.prisma): Promise<ResponseRow | null> {
    return db.authorityResponse.findUnique({ where: { recommendationId }, include: responseInclude });
  }

  async lockResponse(tx: PrismaTransaction, recommendationId: string): Promise<ResponseRow | null> {
    await tx.$queryRaw`SELECT id FROM authority_responses WHERE recommendation_id = ${recommendationId}::uuid FOR UPDATE`;
    return this.response(recommendationId, tx);
  }

  responses(): Promise<ResponseRow[]> {
    return this.prisma.authorityResponse.findMany({ include: responseInclude, orderBy: { respondedAt: 'asc' } });
  }

  createResponse(
    tx: PrismaTransaction,
    data: { recommendationId: string; reference: string; decision: ResponseDecision; justification: string; commitments: string; timeline: string; respondedAt: Date; dueAt: Date; daysLate: number; reviewDueAt: Date | null },
  ) {
    return tx.authorityResponse.create({ data: { ...data, reviewState: data.reviewDueAt ? 'scheduled' : null } });
  }

  updateResponse(tx: PrismaTransaction, id: string, data: Prisma.AuthorityResponseUpdateInput) {
    return tx.authorityResponse.update({ where: { id }, data });
  }

  addAction(tx: PrismaTransaction, responseId: string, number: number, data: { title: string; owner: string; status: ActionStatus; progress: number; dueOn: Date | null }) {
    return tx.implementationAction.create({ data: { responseId, number, ...data } });
  }

  updateAction(tx: PrismaTransaction, responseId: string, number: number, data: Partial<{ title: string; owner: string; status: ActionStatus; progress: number; dueOn: Date | null }>) {
    return tx.implementationAction.update({ where: { responseId_number: { responseId, number } }, data });
  }

  addReport(tx: PrismaTransaction, data: { responseId: string; number: number; body: string; dueAt: Date; submittedAt: Date; actions: Prisma.InputJsonValue }) {
    return tx.progressReport.create({ data });
  }

  verifyReport(tx: PrismaTransaction, responseId: string, number: number, data: { verified: boolean; verificationNote: string; verifiedAt: Date; verifiedByMemberId: string }) {
    return tx.progressReport.update({ where: { responseId_number: { responseId, number } }, data });
  }

  /** Responses whose public review falls by `now` and is not marked yet. */
  reviewsFallingDue(now: Date) {
    return this.prisma.authorityResponse.findMany({ where: { reviewState: 'scheduled', reviewDueAt: { lte: now } }, select: { id: true, recommendationId: true, reference: true } });
  }

  /** Marks the review due unless another worker did (false then). */
  async markReviewDue(tx: PrismaTransaction, id: string): Promise<boolean> {
    const { count } = await tx.authorityResponse.updateMany({ where: { id, reviewState: 'scheduled' }, data: { reviewState: 'due' } });
    return count === 1;
  }

  // ——— the panel ———

  members(ids: readonly string[]) {
    return this.prisma.advisoryPanelMember.findMany({ where: { id: { in: [...ids] } }, select: { id: true, displayName: true, seatType: true, affiliation: true, state: true } });
  }

  memberName(id: string) {
    return this.prisma.advisoryPanelMember.findUnique({ where: { id }, select: { displayName: true } }).then((m) => m?.displayName ?? null);
  }

  /** Accounts of the active members (told when a review falls due). */
  activeMemberAccounts(tx: Db) {
    return tx.panelSeatAccount.findMany({ where: { member: { state: 'active' } }, select: { personId: true } }).then((rows) => rows.map((r) => r.personId));
  }

  /** Who follows the opinion, its data use, or the proposal behind it (the consultation's). */
  async followers(tx: Db, item: PublishedItem): Promise<Set<string>> {
    const [opinion, dataUse, proposals] = await Promise.all([
      tx.opinionFollow.findMany({ where: { opinionId: item.opinionId }, select: { personId: true } }),
      item.dataUseId ? tx.dataUseFollow.findMany({ where: { dataUseId: item.dataUseId }, select: { personId: true } }) : Promise.resolve([]),
      item.proposalIds.length ? tx.proposalFollow.findMany({ where: { proposalId: { in: item.proposalIds } }, select: { personId: true } }) : Promise.resolve([]),
    ]);
    return new Set([...opinion, ...dataUse, ...proposals].map((r) => r.personId));
  }
}
