import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  answerWindowClosesAt,
  AUTHORITY_RESPONSE_VIEWER_ACTIONS,
  canOnAuthorityResponses,
  daysBeforeDue,
  daysOverdue,
  nextProgressReport,
  permissionsFor,
  reviewDueAt,
  TRACKED_DECISIONS,
  type ActionStatus,
  type Actor,
  type AnsweredResponsesPage,
  type AnsweredResponsesQuery,
  type AnswerInput,
  type AuthorityResponseRecord,
  type AuthorityResponseViewDto,
  type EvaluationInput,
  type FollowUpGroupInput,
  type ImplementationActionInput,
  type OutstandingResponse,
  type OutstandingResponsesDto,
  type OverdueCounter,
  type OverdueProgressReport,
  type ProgressReportInput,
  type PublishedRecommendationFacts,
  type SeatFacts,
  type VerificationInput,
  type JsonValue,
} from '@sesame/domain';
import { AuditService } from '../audit/audit.service';
import { authorize } from '../common/authorize';
import { ProblemException } from '../common/problem.exception';
import { JobQueue } from '../jobs/job-queue.service';
import { dailyAtUtc } from '../jobs/schedules';
import { NotificationsService } from '../notifications/notifications.service';
import type { PrismaTransaction } from '../prisma/prisma.service';
import { RecommendationsService } from '../recommendations/recommendations.service';
import { AuthorityResponsesRepository, type PublishedItem, type ResponseRow } from './authority-responses.repository';

/** The dated job: at each response's review date (and a daily sweep at 05:00 UTC), the public review is marked due. */
export const REVIEW_JOB = 'authority-responses.review-due';

const notPublished = (reference: string) => ProblemException.notFound(`Aucune recommandation publiée ${reference}.`);
const iso = (d: Date) => d.toISOString();
const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';

/** The link a notification opens: the recommendation's page (the recommendations feature's route). */
const pageOf = (item: PublishedItem) => `/comite/avis/${item.opinion}#${item.reference}`;

function factsOf(item: PublishedItem): PublishedRecommendationFacts {
  return {
    id: item.id,
    reference: item.reference,
    title: item.title,
    opinion: item.opinion,
    opinionTitle: item.opinionTitle,
    position: item.position,
    publishedAt: iso(item.publishedAt),
    responseDeadlineDays: item.responseDeadlineDays,
    responseDueAt: iso(item.responseDueAt),
    dataUse: item.dataUse,
    consultation: item.consultation,
    referral: item.referral,
  };
}

/**
 * The authority's answer, comply or explain (decision 0021): one response per
 * published recommendation, justified unless accepted, due by the opinion's
 * response date (late answers are taken and marked late until the window
 * closes a year after publication); implementation actions and progress
 * reports for what was accepted, verified by the panel; the panel's score and
 * follow-up group; the public review a year after the answer; the public
 * count and list of what is outstanding. Dates are computed against `now`,
 * which tests pass in.
 */
@Injectable()
export class AuthorityResponsesService implements OnModuleInit {
  constructor(
    private readonly repository: AuthorityResponsesRepository,
    private readonly recommendations: RecommendationsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.jobs.recurring(REVIEW_JOB, dailyAtUtc(5), () => this.markReviewsDue());
  }

  private async seat(actor: Actor): Promise<SeatFacts> {
    const seat = await this.recommendations.seatOf(actor);
    return seat ? { memberId: seat.memberId, seatType: seat.seatType, state: seat.state, position: seat.position } : null;
  }

  private async item(reference: string): Promise<PublishedItem> {
    const item = await this.repository.published(reference);
    if (!item) throw notPublished(reference);
    return item;
  }

  // ——— reading ———

  private async record(item: PublishedItem, row: ResponseRow | null, now: Date): Promise<AuthorityResponseRecord> {
    const closesAt = answerWindowClosesAt(item.publishedAt);
    const status = row ? 'answered' : now >= closesAt ? 'unanswered' : now > item.responseDueAt ? 'overdue' : 'awaiting';
    const tracked = row !== null && TRACKED_DECISIONS.includes(row.decision);
    const verifiers = [...new Set(row?.reports.flatMap((r) => (r.verifiedByMemberId ? [r.verifiedByMemberId] : [])) ?? [])];
    const group = row?.followUpGroup ?? [];
    const members = new Map((await this.repository.members([...verifiers, ...group])).map((m) => [m.id, m]));
    const next = tracked ? nextProgressReport(row.respondedAt, row.reports.length, now) : null;
    return {
      recommendation: factsOf(item),
      status,
      dueAt: iso(item.responseDueAt),
      daysOverdue: row ? row.daysLate : daysOverdue(item.responseDueAt, now),
      daysLeft: row ? 0 : daysBeforeDue(item.responseDueAt, now),
      answerWindowClosesAt: iso(closesAt),
      response: row
        ? { decision: row.decision, justification: row.justification, commitments: row.commitments, timeline: row.timeline, respondedAt: iso(row.respondedAt), daysLate: row.daysLate }
        : null,
      actions: (row?.actions ?? []).map((a) => ({ number: a.number, title: a.title, owner: a.owner, status: a.status, progress: a.progress, dueOn: a.dueOn ? iso(a.dueOn).slice(0, 10) : null, updatedAt: iso(a.updatedAt) })),
      progressReports: (row?.reports ?? []).map((r) => ({
        number: r.number,
        body: r.body,
        dueAt: iso(r.dueAt),
        submittedAt: iso(r.submittedAt),
        late: r.submittedAt > r.dueAt,
        actions: r.actions as { number: number; status: ActionStatus; progress: number }[],
        verification:
          r.verified === null || !r.verifiedAt
            ? null
            : { verified: r.verified, note: r.verificationNote ?? '', at: iso(r.verifiedAt), by: members.get(r.verifiedByMemberId ?? '')?.displayName ?? 'Comité citoyen' },
      })),
      nextProgressReport: next ? { number: next.number, dueAt: iso(next.dueAt), overdue: next.overdue, daysOverdue: next.daysOverdue } : null,
      review: row?.reviewDueAt && row.reviewState ? { dueAt: iso(row.reviewDueAt), state: row.reviewState } : null,
      evaluation: row?.score !== null && row?.score !== undefined && row.evaluatedAt ? { score: row.score, evaluation: row.evaluation ?? '', publishedAt: iso(row.evaluatedAt) } : null,
      followUpGroup: group.flatMap((id) => {
        const m = members.get(id);
        return m ? [{ id: m.id, displayName: m.displayName, seatType: m.seatType, affiliation: m.affiliation }] : [];
      }),
    };
  }

  async view(actor: Actor, reference: string, now = new Date()): Promise<AuthorityResponseViewDto> {
    const item = await this.item(reference);
    const row = await this.repository.response(item.id);
    const record = await this.record(item, row, now);
    const seat = await this.seat(actor);
    const facts = row ? { reference, decision: row.decision } : null;
    const can = permissionsFor(AUTHORITY_RESPONSE_VIEWER_ACTIONS, (action) => {
      switch (action) {
        case 'authority-responses.answer': {
          const decision = canOnAuthorityResponses(action, { actor, item: { reference, publishedAt: item.publishedAt }, now });
          // Answered already: nothing left to answer, whoever asks.
          return decision.allowed && row ? { allowed: false, reason: 'wrong_state', message: 'Déjà répondu.' } : decision;
        }
        case 'authority-responses.track':
        case 'authority-responses.report':
          return facts ? canOnAuthorityResponses(action, { actor, response: facts }) : { allowed: false, reason: 'wrong_state', message: 'Pas encore de réponse.' };
        default:
          return canOnAuthorityResponses(action, { actor, seat });
      }
    });
    return { ...record, viewer: { can } };
  }

  /** The public count: overdue responses (and awaiting ones), overdue progress reports. */
  async overdueCounter(now = new Date()): Promise<OverdueCounter> {
    const list = await this.outstanding(now);
    return { asOf: list.asOf, overdueResponses: list.overdue, awaitingResponses: list.awaiting, overdueProgressReports: list.progressReports.length };
  }

  /** What the authority owes, in public: unanswered recommendations (overdue first, most days first), then late progress reports. */
  async outstanding(now = new Date()): Promise<OutstandingResponsesDto> {
    const [items, rows] = await Promise.all([this.repository.allPublished(), this.repository.responses()]);
    const answered = new Map(rows.map((r) => [r.recommendationId, r]));
    const responses: OutstandingResponse[] = items
      .filter((item) => !answered.has(item.id) && now < answerWindowClosesAt(item.publishedAt))
      .map((item) => ({
        reference: item.reference,
        title: item.title,
        opinion: item.opinion,
        opinionTitle: item.opinionTitle,
        publishedAt: iso(item.publishedAt),
        dueAt: iso(item.responseDueAt),
        overdue: now > item.responseDueAt,
        daysOverdue: daysOverdue(item.responseDueAt, now),
        daysLeft: daysBeforeDue(item.responseDueAt, now),
      }))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.overdue ? b.daysOverdue - a.daysOverdue : a.dueAt.localeCompare(b.dueAt)) || a.reference.localeCompare(b.reference));
    const byId = new Map(items.map((i) => [i.id, i]));
    const progressReports: OverdueProgressReport[] = rows
      .filter((r) => TRACKED_DECISIONS.includes(r.decision))
      .flatMap((r) => {
        const next = nextProgressReport(r.respondedAt, r.reports.length, now);
        const item = byId.get(r.recommendationId);
        return next.overdue && item ? [{ reference: r.reference, title: item.title, opinion: item.opinion, number: next.number, dueAt: iso(next.dueAt), daysOverdue: next.daysOverdue }] : [];
      })
      .sort((a, b) => b.daysOverdue - a.daysOverdue);
    const overdue = responses.filter((r) => r.overdue).length;
    return { asOf: iso(now), overdue, awaiting: responses.length - overdue, responses, progressReports };
  }

  /**
   * The answered recommendations, a page at a time (the town's and the
   * organizers' work areas): tracked answers first, the next progress report
   * due soonest first, then the others, the latest answer first. Sorted on the
   * rows; only the page's records are built.
   */
  async answeredPage(actor: Actor, query: AnsweredResponsesQuery, now = new Date()): Promise<AnsweredResponsesPage> {
    authorize(canOnAuthorityResponses('authority-responses.list-answers', { actor }));
    const [items, rows] = await Promise.all([this.repository.allPublished(), this.repository.responses()]);
    const byId = new Map(items.map((i) => [i.id, i]));
    const wanted = query.tracked === undefined ? null : query.tracked === 'true';
    const answered = rows
      .flatMap((row) => {
        const item = byId.get(row.recommendationId);
        const tracked = TRACKED_DECISIONS.includes(row.decision);
        if (!item || (wanted !== null && tracked !== wanted)) return [];
        return [{ item, row, tracked, next: tracked ? nextProgressReport(row.respondedAt, row.reports.length, now).dueAt.getTime() : 0 }];
      })
      .sort((a, b) => Number(b.tracked) - Number(a.tracked) || a.next - b.next || b.row.respondedAt.getTime() - a.row.respondedAt.getTime() || a.item.reference.localeCompare(b.item.reference));
    const start = (query.page - 1) * query.pageSize;
    const page = answered.slice(start, start + query.pageSize);
    return { items: await Promise.all(page.map(({ item, row }) => this.record(item, row, now))), page: query.page, pageSize: query.pageSize, total: answered.length };
  }

  /** Every response and its tracking, for open data (no viewer). */
  async openData(now = new Date()): Promise<AuthorityResponseRecord[]> {
    const [items, rows] = await Promise.all([this.repository.allPublished(), this.repository.responses()]);
    const answered = new Map(rows.map((r) => [r.recommendationId, r]));
    return Promise.all(items.map((item) => this.record(item, answered.get(item.id) ?? null, now)));
  }

  // ——— the authority ———

  async answer(actor: Actor, reference: string, input: AnswerInput, now = new Date()): Promise<AuthorityResponseViewDto> {
    authorize(canOnAuthorityResponses('authority-responses.answer', { actor, item: null, now }));
    const item = await this.item(reference);
    const person = authorize(canOnAuthorityResponses('authority-responses.answer', { actor, item: { reference, publishedAt: item.publishedAt }, now }));
    const alreadyAnswered = () => ProblemException.conflict(`La ville a déjà répondu à la recommandation ${reference} : une réponse par recommandation.`);
    try {
      await this.repository.transaction(async (tx) => {
        await this.repository.lockRecommendation(tx, item.id);
        if (await this.repository.response(item.id, tx)) throw alreadyAnswered();
        const tracked = TRACKED_DECISIONS.includes(input.decision);
        const daysLate = daysOverdue(item.responseDueAt, now);
        const review = tracked ? reviewDueAt(now) : null;
        await this.repository.createResponse(tx, {
          recommendationId: item.id,
          reference,
          decision: input.decision,
          justification: input.justification,
          commitments: input.commitments,
          timeline: input.timeline,
          respondedAt: now,
          dueAt: item.responseDueAt,
          daysLate,
          reviewDueAt: review,
        });
        await this.audit.record(tx, {
          actorId: person.id,
          action: 'authority-response.published',
          subjectType: 'recommendation',
          subjectId: reference,
          data: { opinion: item.opinion, decision: input.decision, dueAt: iso(item.responseDueAt), daysLate },
        });
        if (review) await this.jobs.enqueue(tx, REVIEW_JOB, { reference }, review);
        await this.tellFollowers(tx, item, 'authority-responses.answered', { title: item.title, decision: input.decision });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyAnswered();
      throw error;
    }
    return this.view(actor, reference, now);
  }

  private async tellFollowers(tx: PrismaTransaction, item: PublishedItem, kind: 'authority-responses.answered' | 'authority-responses.progress-reported', data: { title: string; decision?: string }) {
    for (const personId of await this.repository.followers(tx, item)) {
      if (kind === 'authority-responses.answered') await this.notifications.notify(tx, { personId, kind, data: { title: data.title, decision: data.decision! }, link: pageOf(item) });
      else await this.notifications.notify(tx, { personId, kind, data: { title: data.title }, link: pageOf(item) });
    }
  }

  /** Runs `work` on the locked response, after the policy's check for `action`. */
  private async onResponse<T>(
    actor: Actor,
    reference: string,
    action: 'authority-responses.track' | 'authority-responses.report',
    work: (tx: PrismaTransaction, row: ResponseRow, person: { id: string }, item: PublishedItem) => Promise<T>,
  ): Promise<T> {
    authorize(canOnAuthorityResponses(action, { actor, response: { reference, decision: 'accepted' } }));
    const item = await this.item(reference);
    return this.repository.transaction(async (tx) => {
      const row = await this.repository.lockResponse(tx, item.id);
      if (!row) throw ProblemException.ruleViolation(`La ville n’a pas encore répondu à la recommandation ${reference}.`);
      const person = authorize(canOnAuthorityResponses(action, { actor, response: { reference, decision: row.decision } }));
      return work(tx, row, person, item);
    });
  }

  async addAction(actor: Actor, reference: string, input: ImplementationActionInput): Promise<AuthorityResponseViewDto> {
    await this.onResponse(actor, reference, 'authority-responses.track', async (tx, row, person) => {
      if (row.actions.length >= 30) throw ProblemException.ruleViolation('Au plus 30 actions par recommandation.');
      const number = Math.max(0, ...row.actions.map((a) => a.number)) + 1;
      await this.repository.addAction(tx, row.id, number, { ...input, dueOn: input.dueOn ? new Date(input.dueOn) : null });
      await this.audit.record(tx, { actorId: person.id, action: 'implementation-action.added', subjectType: 'recommendation', subjectId: reference, data: { number, title: input.title, owner: input.owner, status: input.status, progress: input.progress } });
    });
    return this.view(actor, reference);
  }

  async updateAction(actor: Actor, reference: string, number: number, input: ImplementationActionInput): Promise<AuthorityResponseViewDto> {
    await this.onResponse(actor, reference, 'authority-responses.track', async (tx, row, person) => {
      if (!row.actions.some((a) => a.number === number)) throw ProblemException.notFound(`Aucune action n° ${number} pour la recommandation ${reference}.`);
      await this.repository.updateAction(tx, row.id, number, { ...input, dueOn: input.dueOn ? new Date(input.dueOn) : null });
      await this.audit.record(tx, { actorId: person.id, action: 'implementation-action.updated', subjectType: 'recommendation', subjectId: reference, data: { number, title: input.title, owner: input.owner, status: input.status, progress: input.progress } });
    });
    return this.view(actor, reference);
  }

  async report(actor: Actor, reference: string, input: ProgressReportInput, now = new Date()): Promise<AuthorityResponseViewDto> {
    await this.onResponse(actor, reference, 'authority-responses.report', async (tx, row, person, item) => {
      const unknown = input.actions.filter((a) => !row.actions.some((x) => x.number === a.number));
      if (unknown.length)
        throw ProblemException.validation(unknown.map((a) => ({ path: `actions.${input.actions.indexOf(a)}.number`, code: 'unknown_action', message: `Aucune action n° ${a.number} pour cette recommandation.` })));
      const next = nextProgressReport(row.respondedAt, row.reports.length, now);
      for (const a of input.actions) await this.repository.updateAction(tx, row.id, a.number, { status: a.status, progress: a.progress });
      await this.repository.addReport(tx, { responseId: row.id, number: next.number, body: input.body, dueAt: next.dueAt, submittedAt: now, actions: input.actions });
      await this.audit.record(tx, { actorId: person.id, action: 'progress-report.filed', subjectType: 'recommendation', subjectId: reference, data: { number: next.number, dueAt: iso(next.dueAt), daysLate: next.daysOverdue, actions: input.actions } });
      await this.tellFollowers(tx, item, 'authority-responses.progress-reported', { title: item.title });
    });
    return this.view(actor, reference, now);
  }

  // ——— the panel ———

  /**
   * A member's act, audited twice: in public without its actor (the panel
   * verified, scored, named), and restricted with the member's account — a
   * public entry naming the account would tie the member's public name to
   * their pseudonym on the rest of the platform (as the recommendations
   * feature does for the workspace).
   */
  private async panelAct(tx: PrismaTransaction, actorId: string, entry: { action: 'progress-report.verified' | 'authority-response.evaluated' | 'follow-up-group.named'; subjectType: 'recommendation'; subjectId: string; data: JsonValue }) {
    const { data } = entry;
    await this.audit.record(tx, { actorId: null, action: entry.action, subjectType: entry.subjectType, subjectId: entry.subjectId, data });
    await this.audit.record(tx, { actorId, action: entry.action, subjectType: entry.subjectType, subjectId: entry.subjectId, data, visibility: 'restricted' });
  }

  private async member(actor: Actor, action: 'authority-responses.verify' | 'authority-responses.evaluate' | 'authority-responses.name-follow-up') {
    const seat = await this.seat(actor);
    const person = authorize(canOnAuthorityResponses(action, { actor, seat }));
    return { person, memberId: seat!.memberId };
  }

  private async answered(tx: PrismaTransaction, reference: string): Promise<ResponseRow> {
    const item = await this.repository.published(reference, tx);
    if (!item) throw notPublished(reference);
    const row = await this.repository.lockResponse(tx, item.id);
    if (!row) throw ProblemException.ruleViolation(`La ville n’a pas encore répondu à la recommandation ${reference}.`);
    return row;
  }

  async verify(actor: Actor, reference: string, number: number, input: VerificationInput, now = new Date()): Promise<AuthorityResponseViewDto> {
    const { person, memberId } = await this.member(actor, 'authority-responses.verify');
    await this.repository.transaction(async (tx) => {
      const row = await this.answered(tx, reference);
      if (!row.reports.some((r) => r.number === number)) throw ProblemException.notFound(`Aucun point d’étape n° ${number} pour la recommandation ${reference}.`);
      await this.repository.verifyReport(tx, row.id, number, { verified: input.verified, verificationNote: input.note, verifiedAt: now, verifiedByMemberId: memberId });
      await this.panelAct(tx, person.id, { action: 'progress-report.verified', subjectType: 'recommendation', subjectId: reference, data: { number, verified: input.verified, note: input.note } });
    });
    return this.view(actor, reference, now);
  }

  async evaluate(actor: Actor, reference: string, input: EvaluationInput, now = new Date()): Promise<AuthorityResponseViewDto> {
    const { person } = await this.member(actor, 'authority-responses.evaluate');
    await this.repository.transaction(async (tx) => {
      const row = await this.answered(tx, reference);
      await this.repository.updateResponse(tx, row.id, { score: input.score, evaluation: input.evaluation, evaluatedAt: now });
      await this.panelAct(tx, person.id, { action: 'authority-response.evaluated', subjectType: 'recommendation', subjectId: reference, data: { score: input.score, evaluation: input.evaluation } });
    });
    return this.view(actor, reference, now);
  }

  async nameFollowUpGroup(actor: Actor, reference: string, input: FollowUpGroupInput): Promise<AuthorityResponseViewDto> {
    const { person } = await this.member(actor, 'authority-responses.name-follow-up');
    const found = await this.repository.members(input.memberIds);
    const bad = input.memberIds.flatMap((id, i) => (found.some((m) => m.id === id && m.state === 'active') ? [] : [i]));
    if (bad.length) throw ProblemException.validation(bad.map((i) => ({ path: `memberIds.${i}`, code: 'not_a_member', message: 'Ce n’est pas un membre en fonction du comité.' })));
    await this.repository.transaction(async (tx) => {
      const row = await this.answered(tx, reference);
      await this.repository.updateResponse(tx, row.id, { followUpGroup: input.memberIds });
      await this.panelAct(tx, person.id, { action: 'follow-up-group.named', subjectType: 'recommendation', subjectId: reference, data: { members: found.map((m) => m.displayName) } });
    });
    return this.view(actor, reference);
  }

  // ——— the review a year later ———

  /** Marks due every public review whose date has come (the dated job and the daily sweep); returns the references marked. */
  async markReviewsDue(now = new Date()): Promise<string[]> {
    const marked: string[] = [];
    for (const due of await this.repository.reviewsFallingDue(now)) {
      const item = await this.repository.published(due.reference);
      const done = await this.repository.transaction(async (tx) => {
        if (!(await this.repository.markReviewDue(tx, due.id))) return false;
        await this.audit.record(tx, { actorId: null, action: 'authority-response.review-due', subjectType: 'recommendation', subjectId: due.reference, data: { asOf: iso(now) } });
        if (item) {
          const people = await this.repository.followers(tx, item);
          for (const id of await this.repository.activeMemberAccounts(tx)) people.add(id);
          for (const personId of people) await this.notifications.notify(tx, { personId, kind: 'authority-responses.review-due', data: { title: item.title }, link: pageOf(item) });
        }
        return true;
      });
      if (done) marked.push(due.reference);
    }
    return marked;
  }
}
