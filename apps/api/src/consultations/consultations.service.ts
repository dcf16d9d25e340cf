import { randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ballotChoicesSchema,
  buildBallotList,
  canOnConsultation,
  PAPER_COUNT_ALREADY_CONFIRMED,
  PAPER_COUNT_SAME_OFFICER,
  PAPER_COUNT_VIEWER_ACTIONS,
  CONSULTATION_DECISIONS,
  CONSULTATION_PHASES,
  CONSULTATION_VIEWER_ACTIONS,
  consultationLifecycle,
  consultationTransitionRefusal,
  countingDone,
  countingEndsAt,
  DEFAULT_MAJORITY_JUDGMENT_GRADES,
  formatVoterCode,
  dueTransitions,
  isClosed,
  isOpened,
  isPhase,
  nextPhase,
  hiddenTurnoutLines,
  mergeSmallStations,
  paperCountInconsistencies,
  publicationScheduleProblems,
  SMALL_COUNT_THRESHOLD,
  paperTotalsProblems,
  permissionsFor,
  type Actor,
  type AnswerQuestion,
  type AuditAction,
  type BallotChoices,
  type BallotReceiptDto,
  type ChangeBallot,
  CastBallotSchema,
  ConsultationReferenceParamsSchema,
  type ConsultationContent,
  type ConsultationDto,
  type ConsultationFacts,
  type ConsultationPhase,
  type ConsultationQuery,
  type ConsultationResultsDto,
  type ConsultationState,
  type ConsultationSummary,
  type ConsultationTransition,
  type CreateConsultation,
  type DecisionRules,
  type HearingDto,
  type JsonValue,
  type HearingInput,
  type PaperCountDto,
  type ListedPaperCountDto,
  type PaperCountInput,
  type PaperCounts,
  type PaperTotals,
  type Person,
  type QuestionDto,
  type QuestionQuery,
  type TallyResult,
  type TurnoutDto,
  type VoterFacts,
  type VotingRules,
} from '@sesame/domain';
import type { Prisma, ConsultationHearing, ConsultationPaperCount } from '../generated/prisma/client';
import { AuditService, type AuditRecord } from '../audit/audit.service';
import { authorize } from '../common/authorize';
import { ProblemException } from '../common/problem.exception';
import { TransitionRunner } from '../common/transition.runner';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import { JobQueue } from '../jobs/job-queue.service';
import { every } from '../jobs/schedules';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';
import { ConsultationsRepository, type ConsultationRow, type QuestionRow } from './consultations.repository';
import { BallotKeys, newReceipt, sha256, today } from './ballot-cast';
import { SESSION_ENDED, type UnconfirmedCaller } from '../auth/access.decorators';
import { ZodPipe } from '../common/zod-validation.pipe';

const ADVANCE_JOB = 'consultation.advance-phases';
const HOUR = 3_600_000;
/** A count record may be dated a few minutes ahead of the server's clock (a station's watch), never more. */
const COUNTED_AT_SKEW_MS = 5 * 60_000;
/** The open-data file of a closed consultation's ballots. */
export const ballotListUrl = (reference: string) => `/api/v1/open-data/consultations/${reference}/ballots.json`;

/** A ballot's address and body, checked once the caller's session is (ConsultationsService.cast). */
const castReference = new ZodPipe(ConsultationReferenceParamsSchema);
const castBallot = new ZodPipe(CastBallotSchema);

const notFound = (reference: string) => ProblemException.notFound(`Aucune consultation ${reference}.`);
const dateOnly = (date: Date) => date.toISOString().slice(0, 10);

export const votingRulesOf = (rules: DecisionRules): VotingRules =>
  rules.method === 'majority_judgment' ? { method: rules.method, options: rules.options, grades: [...DEFAULT_MAJORITY_JUDGMENT_GRADES] } : { method: rules.method, options: rules.options };

const rulesOf = (row: ConsultationRow) => row.rules as unknown as DecisionRules;
const factsOf = (row: { reference: string; state: ConsultationState; rulesPublishedAt?: Date | null }): ConsultationFacts => ({ reference: row.reference, state: row.state, ...(row.rulesPublishedAt === undefined ? {} : { published: row.rulesPublishedAt !== null }) });

/**
 * Review L5: what happens to a consultation that was never published (a
 * draft, or a draft cancelled before its publication) is the organizers' own —
 * its audit entries are restricted (chained and verified, not listed: decision
 * 0011), so its title, hearings and deliberation space never reach the public
 * journal. From the publication on, entries are public.
 */
const auditVisibility = (row: { state: ConsultationState; rulesPublishedAt?: Date | null }): 'public' | 'restricted' => ((row.rulesPublishedAt ?? null) === null && (row.state === 'draft' || row.state === 'cancelled') ? 'restricted' : 'public');

/** Rules as stored, keys sorted: a comparison that ignores key order. */
const canonicalRules = (rules: unknown): unknown => (Array.isArray(rules) ? rules.map(canonicalRules) : rules && typeof rules === 'object' ? Object.fromEntries(Object.entries(rules).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonicalRules(v)])) : rules);

const ANSWER_NAMES: Record<string, string> = { yes: 'Oui', no: 'Non', abstain: 'Abstention' };

/** Paper counts as the tally reads them. */
export function paperTotalsOf(rules: DecisionRules, count: { stationName: string; place: string; countedAt: Date | string; officers: string[]; ballots: number; blankOrInvalid: number; counts: PaperCounts }, recordedVoters: number): PaperTotals | null {
  const record = {
    station: count.stationName,
    place: count.place,
    countedAt: typeof count.countedAt === 'string' ? new Date(count.countedAt).toISOString() : count.countedAt.toISOString(),
    officers: count.officers,
    // The box's figures and the people recorded at the station: anyone checks the counts against them (format 2 of the list).
    ballots: count.ballots,
    blankOrInvalid: count.blankOrInvalid,
    recordedVoters,
  };
  switch (rules.method) {
    case 'yes_no_abstain':
      return count.counts.answers ? { ...record, method: 'yes_no_abstain', counts: count.counts.answers } : null;
    case 'single_choice':
      return count.counts.options ? { ...record, method: 'single_choice', counts: { options: count.counts.options, blank: count.blankOrInvalid } } : null;
    case 'approval':
      return count.counts.options ? { ...record, method: 'approval', counts: { options: count.counts.options, ballots: count.ballots - count.blankOrInvalid } } : null;
    case 'majority_judgment':
      return count.counts.grades ? { ...record, method: 'majority_judgment', counts: { options: count.counts.grades } } : null;
  }
}

function paperDto(row: ConsultationPaperCount, names: Map<string, string>, withCounts = true): PaperCountDto {
  return {
    id: row.id,
    stationName: row.stationName,
    place: row.place,
    countedAt: row.countedAt.toISOString(),
    officers: row.officers,
    ballots: row.ballots,
    blankOrInvalid: row.blankOrInvalid,
    // A station's counts are results: hidden until the results are published (review H1).
    counts: withCounts ? (row.counts as unknown as PaperCounts) : { answers: null, options: null, grades: null },
    enteredBy: names.get(row.enteredById) ?? '',
    confirmedBy: row.confirmedById ? (names.get(row.confirmedById) ?? '') : null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
  };
}

function hearingDto(row: ConsultationHearing): HearingDto {
  return {
    id: row.id,
    speaker: row.speaker,
    affiliation: row.affiliation,
    declaredInterests: row.declaredInterests,
    position: row.position as HearingDto['position'],
    summary: row.summary,
    documentUrl: row.documentUrl,
    heldOn: row.heldOn ? dateOnly(row.heldOn) : null,
    publishedAt: row.publishedAt.toISOString(),
  };
}

function questionDto(row: QuestionRow, personId: string | null): QuestionDto {
  return {
    id: row.id,
    body: row.body,
    author: row.author,
    state: row.state as QuestionDto['state'],
    supports: row.supportCount,
    askedAt: row.createdAt.toISOString(),
    answer: row.answeredAt && row.answerBody !== null ? { body: row.answerBody, by: row.answeredBy ?? '', answeredAt: row.answeredAt.toISOString() } : null,
    viewer: { supporting: row.supporting, isAuthor: personId !== null && row.authorId === personId },
  };
}

/** The results' plain French explanation for the methods other than majority judgment. */
function explain(tally: TallyResult, rules: DecisionRules, labels: Map<string, string>, yesNoOutcome: string | null): string[] {
  switch (tally.method) {
    case 'majority_judgment':
      return tally.sentences.fr;
    case 'yes_no_abstain': {
      const rule = rules.abstention === 'expressed' ? 'Les abstentions comptent parmi les suffrages exprimés : le « oui » l’emporte s’il réunit plus de la moitié de tous les bulletins.' : 'Les abstentions ne comptent pas parmi les suffrages exprimés : le « oui » l’emporte s’il réunit plus de « oui » que de « non ».';
      const verdict = yesNoOutcome === 'yes' ? 'Le « oui » l’emporte.' : yesNoOutcome === 'no' ? 'Le « non » l’emporte.' : 'Aucune réponse ne l’emporte (égalité ou aucun suffrage).';
      return [`Oui : ${tally.yes.total}, non : ${tally.no.total}, abstention : ${tally.abstain.total} (dont ${tally.ballots.paper} bulletins papier).`, rule, verdict];
    }
    case 'single_choice':
    case 'approval': {
      const what = tally.method === 'approval' ? 'approbations' : 'voix';
      const lines = tally.options.map((o) => `${o.label} : ${'votes' in o ? o.votes.total : o.approvals.total} ${what} (rang ${o.rank}).`);
      const winners = tally.winners.map((id) => `« ${labels.get(id) ?? id} »`);
      return [...lines, winners.length === 1 ? `${winners[0]} l’emporte.` : winners.length > 1 ? `Égalité entre ${winners.join(', ')}.` : 'Aucune option ne l’emporte.'];
    }
  }
}

/** Maps the tally to the results' option lines and winner. */
function optionLines(tally: TallyResult, rules: DecisionRules): { options: ConsultationResultsDto['options']; winner: string | null } {
  const blank = { votes: null, paperVotes: null, profile: null, majorityGrade: null, gauge: null };
  switch (tally.method) {
    case 'yes_no_abstain': {
      const outcome =
        rules.abstention === 'expressed'
          ? tally.yes.total * 2 > tally.ballots.total
            ? 'yes'
            : tally.no.total * 2 > tally.ballots.total
              ? 'no'
              : null
          : tally.outcome === 'yes' || tally.outcome === 'no'
            ? tally.outcome
            : null;
      const answers = (['yes', 'no', 'abstain'] as const).map((id) => ({ ...blank, id, label: ANSWER_NAMES[id]!, rank: 0, votes: tally[id].total, paperVotes: tally[id].paper }));
      const ranked = [...answers.slice(0, 2)].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0));
      const rankOf = (id: string) => (id === 'abstain' ? 3 : ranked[0]!.votes === ranked[1]!.votes ? 1 : ranked.findIndex((a) => a.id === id) + 1);
      return { options: answers.map((a) => ({ ...a, rank: rankOf(a.id) })), winner: outcome };
    }
    case 'single_choice':
      return { options: tally.options.map((o) => ({ ...blank, id: o.id, label: o.label, rank: o.rank, votes: o.votes.total, paperVotes: o.votes.paper })), winner: tally.winners.length === 1 ? tally.winners[0]! : null };
    case 'approval':
      return { options: tally.options.map((o) => ({ ...blank, id: o.id, label: o.label, rank: o.rank, votes: o.approvals.total, paperVotes: o.approvals.paper })), winner: tally.winners.length === 1 ? tally.winners[0]! : null };
    case 'majority_judgment':
      return {
        options: tally.options.map((o) => ({
          ...blank,
          id: o.id,
          label: o.label,
          rank: o.rank,
          paperVotes: o.profile.paper.reduce((a, b) => a + b, 0),
          profile: o.profile.total,
          majorityGrade: o.majorityGrade,
          gauge: { sign: o.sign, size: o.sign === '+' ? o.p : o.q },
        })),
        winner: tally.winners.length === 1 ? tally.winners[0]! : null,
      };
  }
}

/** Turnout overall and per neighbourhood (exact tenths of a percent, with integers). */
export async function turnoutOf(repository: ConsultationsRepository, row: ConsultationRow, provisional: boolean): Promise<TurnoutDto> {
  const rules = rulesOf(row);
  const lines = await repository.turnout(row.id, rules.neighbourhoodIds);
  const sum = (pick: (line: (typeof lines)[number]) => number) => lines.reduce((total, line) => total + pick(line), 0);
  const eligible = sum((l) => l.eligible);
  const participants = sum((l) => l.participants);
  // Never above 100 %: participants are counted among the eligible (see the repository), and bounded here too.
  const tenths = eligible === 0 ? 0 : Math.min(1000, Math.round((participants * 1000) / eligible));
  // Small numbers per neighbourhood are not published (review M3): exact figures overall only.
  const hidden = hiddenTurnoutLines(lines.map((l) => l.participants));
  return {
    consultation: row.reference,
    provisional,
    eligible,
    participants,
    online: sum((l) => l.online),
    atStations: sum((l) => l.station),
    percent: `${Math.floor(tenths / 10)}.${tenths % 10}`,
    byNeighbourhood: lines.map((l, i) => ({ id: l.neighbourhoodId, name: l.name ?? 'Quartier non renseigné', eligible: l.eligible, participants: hidden[i] ? null : l.participants })),
    fewerThan: SMALL_COUNT_THRESHOLD,
    asOf: new Date().toISOString(),
  };
}

/**
 * The close, under the consultation's row lock (no ballot is cast or changed
 * meanwhile): rows rewritten in receipt order, the ballot list frozen, the
 * results computed and stored. Returns what the audit log records. Shared
 * with the demo seed, so its closed consultation is closed the same way.
 */
export async function closeBallotBox(tx: PrismaTransaction, repository: ConsultationsRepository, row: ConsultationRow, closedOn = today()): Promise<{ sha256: string; ballots: number; winner: string | null }> {
  const rules = rulesOf(row);
  await repository.rewriteInReceiptOrder(tx, row.id);
  const ballots = await repository.ballotsByReceipt(tx, row.id);
  // Only records a second officer confirmed count: one account alone never adds paper ballots to a result.
  const paperRows = await repository.paperCounts(row.id, tx, true);
  const stationVoters = await repository.stationVoterCounts(tx, row.id);
  const names = await repository.pseudonyms(paperRows.flatMap((p) => [p.enteredById, ...(p.confirmedById ? [p.confirmedById] : [])]), tx);
  // A station of fewer than SMALL_COUNT_THRESHOLD voters is published only merged with others (review M3).
  const paperTotals = mergeSmallStations(
    paperRows.flatMap((count) => {
      const totals = paperTotalsOf(rules, { ...count, counts: count.counts as unknown as PaperCounts }, stationVoters.get(count.stationName) ?? 0);
      return totals ? [totals] : [];
    }),
    SMALL_COUNT_THRESHOLD,
  );
  const list = buildBallotList({
    consultation: { reference: row.reference, title: row.title, closedOn },
    rules: votingRulesOf(rules),
    ballots: ballots.map((b) => ({ receipt: b.receipt, choices: b.choices as BallotChoices })),
    paperTotals,
  });
  const turnout = await turnoutOf(repository, row, false);
  const { options, winner } = optionLines(list.result, rules);
  const labels = new Map(rules.options.map((o) => [o.id, o.label]));
  const results: ConsultationResultsDto = {
    consultation: row.reference,
    method: rules.method,
    closedOn,
    grades: rules.method === 'majority_judgment' ? [...DEFAULT_MAJORITY_JUDGMENT_GRADES] : null,
    options,
    winner,
    ballots: { online: list.result.ballots.online, paper: list.result.ballots.paper, blankOrInvalid: paperRows.reduce((sum, p) => sum + p.blankOrInvalid, 0) },
    quorum: { percent: rules.quorumPercent, reached: rules.quorumPercent === 0 || turnout.participants * 100 >= rules.quorumPercent * turnout.eligible },
    turnout,
    // A small station's own counts are not published: they are in the merged record of the list and in the totals.
    paperCounts: paperRows.map((p) => paperDto(p, names, (stationVoters.get(p.stationName) ?? 0) >= SMALL_COUNT_THRESHOLD)),
    explanation: explain(list.result, rules, labels, winner),
    ballotList: { sha256: list.ballotsSha256, url: ballotListUrl(row.reference), ballots: list.ballots.length },
    tally: list.result,
  };
  await repository.update(tx, row.id, {
    state: 'results',
    closedOn: new Date(`${closedOn}T00:00:00Z`),
    ballotList: `${JSON.stringify(list, null, 2)}\n`,
    ballotListSha256: list.ballotsSha256,
    ballotCount: list.ballots.length,
    results: results as unknown as Prisma.InputJsonValue,
  });
  return { sha256: list.ballotsSha256, ballots: list.ballots.length, winner };
}

/**
 * Consultations: organizers prepare one about a data use (its record's version
 * pinned), publish its decision rules, and the job queue opens and closes its
 * phases on time. Ballots are secret by construction (a participation row and
 * a ballot row that nothing links), changeable with the receipt's key while
 * the vote is open; at the close the ballot list is frozen in receipt order,
 * its SHA-256 recorded in the audit log and published, and the results computed.
 */
@Injectable()
export class ConsultationsService implements OnModuleInit {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: ConsultationsRepository,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly transitions: TransitionRunner,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.ballotKeys = new BallotKeys(config.API_AUTH_SECRET);
  }

  private readonly ballotKeys: BallotKeys;

  onModuleInit(): void {
    // The hourly sweep; deadline jobs planned at publication run the same handler at each phase's date.
    this.jobs.recurring(ADVANCE_JOB, every(HOUR), () => this.advanceDue());
  }

  // ---- reading ------------------------------------------------------------------

  private async visible(actor: Actor, reference: string): Promise<ConsultationRow> {
    const row = await this.repository.find(reference);
    if (!row) throw notFound(reference);
    authorize(canOnConsultation('consultations.view', { actor, consultation: factsOf(row) }));
    return row;
  }

  private summaryOf(row: ConsultationRow): ConsultationSummary {
    return {
      reference: row.reference,
      state: row.state,
      title: row.title,
      question: row.question,
      dataUse: { reference: row.dataUse.reference, title: row.dataUse.title, pinnedVersion: row.dataUseVersion },
      method: row.method as ConsultationSummary['method'],
      currentPhase: isPhase(row.state) ? row.state : null,
      voteOpensAt: row.voteOpensAt.toISOString(),
      voteClosesAt: row.voteClosesAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  private phasesOf(row: ConsultationRow): ConsultationDto['phases'] {
    const opens: Record<ConsultationPhase, Date | null> = { information: row.informationOpensAt, deliberation: row.deliberationOpensAt, vote: row.voteOpensAt, results: row.voteClosesAt, referral: null };
    const closes: Record<ConsultationPhase, Date | null> = { information: row.deliberationOpensAt, deliberation: row.voteOpensAt, vote: row.voteClosesAt, results: null, referral: null };
    // While counting, the vote is over and the results are next.
    const at = row.state === 'counting' ? CONSULTATION_PHASES.indexOf('vote') + 0.5 : isPhase(row.state) ? CONSULTATION_PHASES.indexOf(row.state) : -1;
    return CONSULTATION_PHASES.map((phase, index) => ({
      phase,
      opensAt: opens[phase]?.toISOString() ?? null,
      closesAt: closes[phase]?.toISOString() ?? null,
      status: index < at ? 'past' : index === at ? 'current' : 'upcoming',
    }));
  }

  private async voterFacts(actor: Actor, rules: DecisionRules): Promise<VoterFacts | null> {
    if (!actor) return null;
    const facts = await this.repository.voterFacts(actor.id);
    return { ...facts, eligibility: rules.eligibility, neighbourhoodIds: rules.neighbourhoodIds };
  }

  private decide(actor: Actor, row: ConsultationRow, voter: VoterFacts | null) {
    const consultation = factsOf(row);
    return permissionsFor(CONSULTATION_VIEWER_ACTIONS, (action) => {
      if (action === 'consultations.vote') return canOnConsultation(action, { actor, consultation, voter });
      if (action === 'consultations.publish' || action === 'consultations.cancel' || action === 'consultations.refer') {
        return canOnConsultation('consultations.decide', { actor, consultation, transition: CONSULTATION_DECISIONS[action] });
      }
      return canOnConsultation(action, { actor, consultation });
    });
  }

  private async dto(actor: Actor, row: ConsultationRow): Promise<ConsultationDto> {
    const rules = rulesOf(row);
    const [events, balance, questions, deliberation, version, neighbourhoods, proposal, participation, voter] = await Promise.all([
      this.repository.events(row.id),
      this.repository.hearingBalance(row.id),
      this.repository.questionCounts(row.id),
      this.repository.deliberationOf(row.reference),
      this.repository.dataUseVersion(row.dataUseId, row.dataUseVersion),
      this.repository.neighbourhoodNames(rules.neighbourhoodIds),
      row.originProposalId ? this.repository.proposalById(row.originProposalId) : Promise.resolve(null),
      actor ? this.repository.participation(row.id, actor.id) : Promise.resolve(null),
      this.voterFacts(actor, rules),
    ]);
    const content = (version?.content ?? {}) as Record<string, unknown>;
    return {
      ...this.summaryOf(row),
      briefing: row.briefing,
      origin: { kind: row.originKind as ConsultationDto['origin']['kind'], proposal: proposal ? { reference: proposal.reference, title: proposal.title } : null, note: row.originNote },
      dataUseRecord: { version: row.dataUseVersion, title: typeof content['title'] === 'string' ? content['title'] : row.dataUse.title, content },
      schedule: {
        informationOpensAt: row.informationOpensAt.toISOString(),
        deliberationOpensAt: row.deliberationOpensAt.toISOString(),
        voteOpensAt: row.voteOpensAt.toISOString(),
        voteClosesAt: row.voteClosesAt.toISOString(),
      },
      phases: this.phasesOf(row),
      nextPhase: nextPhase(row.state),
      rules,
      grades: rules.method === 'majority_judgment' ? [...DEFAULT_MAJORITY_JUDGMENT_GRADES] : null,
      neighbourhoods: rules.neighbourhoodIds.map((id) => ({ id, name: neighbourhoods.get(id) ?? '' })),
      rulesPublishedAt: row.rulesPublishedAt?.toISOString() ?? null,
      rulesLocked: isOpened(row.state),
      hearingBalance: balance,
      questions,
      deliberation,
      ballotList: row.ballotListSha256 && row.ballotCount !== null ? { sha256: row.ballotListSha256, url: ballotListUrl(row.reference), ballots: row.ballotCount } : null,
      resultsAvailable: isClosed(row.state) && row.results !== null,
      timeline: events.map((e) => ({ state: e.state, at: e.createdAt.toISOString(), note: e.note })),
      createdAt: row.createdAt.toISOString(),
      // Someone who has voted is refused a second ballot (already_voted): the page then offers to change it instead.
      viewer: { voted: participation !== null, can: this.decide(actor, row, voter ? { ...voter, voted: participation !== null } : null) },
    };
  }

  async get(actor: Actor, reference: string): Promise<ConsultationDto> {
    return this.dto(actor, await this.visible(actor, reference));
  }

  async list(actor: Actor, query: ConsultationQuery) {
    const organizer = canOnConsultation('consultations.organize', { actor }).allowed;
    if (query.state === 'draft' && !organizer) return { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
    const { rows, total } = await this.repository.page(query, organizer);
    return { items: rows.map((row) => this.summaryOf(row)), page: query.page, pageSize: query.pageSize, total };
  }

  // ---- organizers' writing --------------------------------------------------------

  /** Checks what the schema cannot: the data use is published (its version pinned), the neighbourhoods exist. */
  private async columns(content: ConsultationContent) {
    const dataUse = await this.repository.publishedDataUse(content.dataUseReference);
    const problems = [];
    if (!dataUse) problems.push({ path: 'content.dataUseReference', code: 'unknown', message: `Le registre ne contient pas d’usage publié ${content.dataUseReference}.` });
    const names = await this.repository.neighbourhoodNames(content.rules.neighbourhoodIds);
    content.rules.neighbourhoodIds.forEach((id, index) => {
      if (!names.has(id)) problems.push({ path: `content.rules.neighbourhoodIds.${index}`, code: 'unknown', message: 'Ce quartier n’existe pas.' });
    });
    if (problems.length > 0 || !dataUse) throw ProblemException.validation(problems);
    return {
      title: content.title,
      question: content.question,
      briefing: content.briefing,
      dataUseId: dataUse.id,
      dataUseVersion: dataUse.version,
      informationOpensAt: new Date(content.schedule.informationOpensAt),
      deliberationOpensAt: new Date(content.schedule.deliberationOpensAt),
      voteOpensAt: new Date(content.schedule.voteOpensAt),
      voteClosesAt: new Date(content.schedule.voteClosesAt),
      method: content.rules.method,
      rules: content.rules as unknown as Prisma.InputJsonValue,
    };
  }

  async create(actor: Actor, input: CreateConsultation): Promise<ConsultationDto> {
    const organizer = authorize(canOnConsultation('consultations.organize', { actor }));
    let originProposalId: string | null = null;
    if (input.origin.kind === 'proposal') {
      const proposal = await this.repository.proposal(input.origin.proposalReference);
      if (!proposal || proposal.state !== 'selected') {
        throw ProblemException.validation([{ path: 'origin.proposalReference', code: 'unknown', message: `Aucune proposition ${input.origin.proposalReference} choisie pour une consultation.` }]);
      }
      originProposalId = proposal.id;
    }
    const columns = await this.columns(input.content);
    const reference = await this.prisma.$transaction(async (tx) => {
      const reference = await this.repository.nextReference(tx, new Date().getUTCFullYear());
      const created = await this.repository.create(tx, { ...columns, reference, originKind: input.origin.kind, originProposalId, originNote: input.origin.note, createdById: organizer.id });
      await this.repository.addEvent(tx, created.id, 'draft', '', organizer.id);
      await this.audit.record(tx, { actorId: organizer.id, action: 'consultation.created', subjectType: 'consultation', subjectId: created.id, visibility: 'restricted', data: { reference, title: created.title, origin: input.origin.kind } });
      return reference;
    });
    return this.get(actor, reference);
  }

  /** Changes the text, schedule and rules; refused (422) once the consultation has opened. */
  async update(actor: Actor, reference: string, content: ConsultationContent): Promise<ConsultationDto> {
    const row = await this.repository.find(reference);
    if (!row) throw notFound(reference);
    authorize(canOnConsultation('consultations.edit', { actor, consultation: factsOf(row) }));
    const columns = await this.columns(content);
    await this.prisma.$transaction(async (tx) => {
      const locked = await this.repository.lock(tx, reference);
      if (!locked) throw notFound(reference);
      // Checked again under the lock: the job may have opened it meanwhile.
      const organizer = authorize(canOnConsultation('consultations.edit', { actor, consultation: factsOf(locked) }));
      // Review M1: published rules are what residents read and rely on — they no longer change (nor the dates); the text may still be corrected.
      if (locked.state !== 'draft') {
        const changed = [
          ...(JSON.stringify(canonicalRules(locked.rules)) !== JSON.stringify(canonicalRules(columns.rules)) ? [{ path: 'content.rules', code: 'locked', message: 'Les règles de décision sont publiées : elles ne changent plus. Pour d’autres règles, annulez cette consultation et préparez-en une nouvelle.' }] : []),
          ...(['informationOpensAt', 'deliberationOpensAt', 'voteOpensAt', 'voteClosesAt'] as const)
            .filter((key) => locked[key].getTime() !== columns[key].getTime())
            .map((key) => ({ path: `content.schedule.${key}`, code: 'locked', message: 'Le calendrier est publié avec les règles : il ne change plus.' })),
        ];
        if (changed.length > 0) throw ProblemException.ruleViolation('Les règles de décision et le calendrier sont publiés : ils ne changent plus.', changed);
      }
      await this.repository.update(tx, locked.id, columns);
      if (locked.state !== 'draft') {
        // Published rules changed before the opening: on record, and the deadlines planned again.
        await this.audit.record(tx, { actorId: organizer.id, action: 'consultation.edited', subjectType: 'consultation', subjectId: locked.id, data: { reference, rules: content.rules as unknown as JsonValue, schedule: content.schedule } });
        await this.planDeadlines(tx, reference, columns);
      }
    });
    return this.get(actor, reference);
  }

  private async planDeadlines(tx: PrismaTransaction, reference: string, dates: { informationOpensAt: Date; deliberationOpensAt: Date; voteOpensAt: Date; voteClosesAt: Date }) {
    // The end of the count too: the results then come out on time even if a station never enters its record.
    for (const at of [dates.informationOpensAt, dates.deliberationOpensAt, dates.voteOpensAt, dates.voteClosesAt, countingEndsAt(dates)]) {
      await this.jobs.enqueue(tx, ADVANCE_JOB, { reference }, at);
    }
  }

  private async decideTransition(actor: Actor, reference: string, transition: ConsultationTransition, note: string): Promise<ConsultationDto> {
    const row = await this.repository.find(reference);
    if (!row) throw notFound(reference);
    const organizer = authorize(canOnConsultation('consultations.decide', { actor, consultation: factsOf(row), transition }));
    await this.transitions.run({
      lifecycle: consultationLifecycle,
      transition,
      lock: (tx) => this.repository.lock(tx, reference),
      notFound: `Aucune consultation ${reference}.`,
      stateOf: (thing) => thing.state,
      refusal: (from) => consultationTransitionRefusal(transition, from),
      apply: async (tx, thing, to) => {
        if (transition === 'publish') {
          // Review M2: time to read the rules before the vote, and every phase long enough.
          const problems = publicationScheduleProblems(thing, new Date());
          if (problems.length > 0) throw ProblemException.ruleViolation(`Calendrier trop court pour publier : ${problems.map((p) => p.message).join(' ')}`, problems.map((p) => ({ path: `content.schedule.${p.path}`, code: 'too_soon', message: p.message })));
          await this.repository.update(tx, thing.id, { state: to, rulesPublishedAt: new Date() });
          await this.planDeadlines(tx, reference, thing);
        } else await this.repository.update(tx, thing.id, { state: to });
        await this.repository.addEvent(tx, thing.id, to, note, organizer.id);
      },
      audit: (thing, to): AuditRecord => {
        const action: AuditAction = transition === 'publish' ? 'consultation.published' : transition === 'refer' ? 'consultation.referred' : 'consultation.cancelled';
        // Cancelling a draft keeps it the organizers' own (review L5): the publication itself is public.
        return { actorId: organizer.id, action, subjectType: 'consultation', subjectId: thing.id, visibility: transition === 'cancel' ? auditVisibility(thing) : 'public', data: { reference, state: to, note, ...(transition === 'publish' ? { rules: thing.rules as unknown as JsonValue } : {}) } };
      },
    });
    // A schedule already due (dates in the past) moves at once rather than at the next sweep.
    if (transition === 'publish') await this.advance(reference);
    return this.get(actor, reference);
  }

  publish(actor: Actor, reference: string) {
    return this.decideTransition(actor, reference, 'publish', 'Règles de décision publiées.');
  }

  cancel(actor: Actor, reference: string, reason: string) {
    return this.decideTransition(actor, reference, 'cancel', reason);
  }

  refer(actor: Actor, reference: string, note: string) {
    return this.decideTransition(actor, reference, 'refer', note || 'Résultats transmis au comité citoyen.');
  }

  /** The consultation's deliberation space (statements and the opinion map), opened with default rules for its deliberation phase. */
  async openDeliberation(actor: Actor, reference: string): Promise<ConsultationDto> {
    const row = await this.visible(actor, reference);
    const organizer = authorize(canOnConsultation('consultations.open-deliberation', { actor, consultation: factsOf(row) }));
    const rules = rulesOf(row);
    await this.prisma.$transaction(async (tx) => {
      if (await this.repository.deliberationOf(reference, tx)) throw ProblemException.conflict('Cette consultation a déjà son espace de délibération.');
      const id = await this.repository.createDeliberation(tx, reference, organizer.id, {
        opensAt: row.deliberationOpensAt,
        closesAt: row.voteOpensAt,
        whoMayPost: rules.eligibility === 'verified_residents_of_neighbourhoods' ? 'verified_in_neighbourhoods' : 'verified',
        neighbourhoodIds: rules.neighbourhoodIds,
      });
      await this.audit.record(tx, { actorId: organizer.id, action: 'deliberation.opened', subjectType: 'deliberation', subjectId: id, visibility: auditVisibility(row), data: { subject: reference, title: row.title, moderation: 'post' } });
    });
    return this.get(actor, reference);
  }

  // ---- the clock ----------------------------------------------------------------------

  /** Brings every consultation to the phase its dates say (the job's handler; also run at publication). */
  async advanceDue(now = new Date()): Promise<{ reference: string; state: ConsultationState }[]> {
    const moved: { reference: string; state: ConsultationState }[] = [];
    for (const { reference } of await this.repository.dueForTransition(now)) {
      const state = await this.advance(reference, now);
      if (state) moved.push({ reference, state });
    }
    return moved;
  }

  /** Makes the moves the schedule calls for, one transaction each; returns the state reached (null: nothing to do). */
  async advance(reference: string, now = new Date()): Promise<ConsultationState | null> {
    let reached: ConsultationState | null = null;
    for (;;) {
      const row = await this.repository.find(reference);
      if (!row) return reached;
      const countDone = row.state === 'vote' || row.state === 'counting' ? countingDone(row, (await this.repository.stationsAwaitingCount(row.id)).length, now) : false;
      const [transition] = dueTransitions(row.state, row, now, countDone);
      if (!transition) return reached;
      const { to } = await this.transitions.run({
        lifecycle: consultationLifecycle,
        transition,
        lock: (tx) => this.repository.lock(tx, reference),
        notFound: `Aucune consultation ${reference}.`,
        stateOf: (thing) => thing.state,
        refusal: (from) => consultationTransitionRefusal(transition, from),
        apply: async (tx, thing, to) => {
          if (transition === 'publish_results') await this.close(tx, thing);
          else await this.repository.update(tx, thing.id, { state: to });
          await this.repository.addEvent(tx, thing.id, to, '', null);
        },
        audit: (thing, to) => this.phaseAudit(thing, to, transition),
      });
      reached = to;
    }
  }

  private closing = new Map<string, { sha256: string; ballots: number; winner: string | null; stationsWithoutCount: string[] }>();

  private phaseAudit(thing: ConsultationRow, to: ConsultationState, transition: ConsultationTransition): AuditRecord[] {
    const base = { actorId: null, subjectType: 'consultation' as const, subjectId: thing.id };
    if (transition === 'open_vote') return [{ ...base, action: 'consultation.vote-opened', data: { reference: thing.reference } }];
    if (transition === 'close_vote') return [{ ...base, action: 'consultation.vote-closed', data: { reference: thing.reference } }];
    if (transition !== 'publish_results') return [{ ...base, action: 'consultation.phase-opened', data: { reference: thing.reference, phase: to } }];
    const closed = this.closing.get(thing.id)!;
    this.closing.delete(thing.id);
    return [
      { ...base, action: 'consultation.ballot-list-published', data: { reference: thing.reference, ballotsSha256: closed.sha256, ballots: closed.ballots, url: ballotListUrl(thing.reference) } },
      // A station whose count record never came (the counting time ran out) is named on record.
      { ...base, action: 'consultation.results-published', data: { reference: thing.reference, winner: closed.winner, stationsWithoutCount: closed.stationsWithoutCount } },
    ];
  }

  /** The results once the count is over, under the consultation's row lock (see closeBallotBox). */
  private async close(tx: PrismaTransaction, row: ConsultationRow): Promise<void> {
    const stationsWithoutCount = await this.repository.stationsAwaitingCount(row.id, tx);
    const closed = await closeBallotBox(tx, this.repository, row);
    this.closing.set(row.id, { ...closed, stationsWithoutCount });
  }

  // ---- information phase ------------------------------------------------------------

  async hearings(actor: Actor, reference: string) {
    const row = await this.visible(actor, reference);
    const [rows, balance] = await Promise.all([this.repository.hearings(row.id), this.repository.hearingBalance(row.id)]);
    return { items: rows.map(hearingDto), balance };
  }

  async addHearing(actor: Actor, reference: string, input: HearingInput): Promise<HearingDto> {
    const row = await this.visible(actor, reference);
    const organizer = authorize(canOnConsultation('consultations.add-hearing', { actor, consultation: factsOf(row) }));
    const created = await this.prisma.$transaction(async (tx) => {
      const hearing = await this.repository.createHearing(tx, { consultationId: row.id, ...this.hearingColumns(input), publishedById: organizer.id });
      await this.audit.record(tx, { actorId: organizer.id, action: 'consultation.hearing-published', subjectType: 'consultation', subjectId: row.id, visibility: auditVisibility(row), data: { reference, speaker: input.speaker, position: input.position } });
      return hearing;
    });
    return hearingDto(created);
  }

  async updateHearing(actor: Actor, reference: string, hearingId: string, input: HearingInput): Promise<HearingDto> {
    const row = await this.visible(actor, reference);
    const organizer = authorize(canOnConsultation('consultations.add-hearing', { actor, consultation: factsOf(row) }));
    if (!(await this.repository.hearing(row.id, hearingId))) throw ProblemException.notFound('Aucune audition de ce numéro dans cette consultation.');
    const updated = await this.prisma.$transaction(async (tx) => {
      const hearing = await this.repository.updateHearing(tx, hearingId, this.hearingColumns(input));
      await this.audit.record(tx, { actorId: organizer.id, action: 'consultation.hearing-published', subjectType: 'consultation', subjectId: row.id, visibility: auditVisibility(row), data: { reference, hearingId, speaker: input.speaker, position: input.position, corrected: true } });
      return hearing;
    });
    return hearingDto(updated);
  }

  private hearingColumns(input: HearingInput) {
    return {
      speaker: input.speaker,
      affiliation: input.affiliation,
      declaredInterests: input.declaredInterests,
      position: input.position,
      summary: input.summary,
      documentUrl: input.documentUrl,
      heldOn: input.heldOn ? new Date(`${input.heldOn}T00:00:00Z`) : null,
    };
  }

  async questions(actor: Actor, reference: string, query: QuestionQuery) {
    const row = await this.visible(actor, reference);
    const { rows, total } = await this.repository.questions(row.id, query, actor?.id ?? null);
    return { items: rows.map((r) => questionDto(r, actor?.id ?? null)), page: query.page, pageSize: query.pageSize, total };
  }

  private async question(row: ConsultationRow, id: string, actor: Actor): Promise<QuestionDto> {
    const { rows } = await this.repository.questions(row.id, { page: 1, pageSize: 1, sort: 'newest' }, actor?.id ?? null, id);
    if (!rows[0]) throw ProblemException.notFound('Aucune question de ce numéro dans cette consultation.');
    return questionDto(rows[0], actor?.id ?? null);
  }

  async ask(actor: Actor, reference: string, body: string): Promise<QuestionDto> {
    const row = await this.visible(actor, reference);
    const person = authorize(canOnConsultation('consultations.ask-question', { actor, consultation: factsOf(row) }));
    const created = await this.repository.createQuestion(row.id, person.id, body);
    return this.question(row, created.id, actor);
  }

  async support(actor: Actor, reference: string, questionId: string, supporting: boolean): Promise<{ created: boolean; state: { supporting: boolean; supports: number } }> {
    const row = await this.visible(actor, reference);
    const person = authorize(canOnConsultation('consultations.support-question', { actor, consultation: factsOf(row) }));
    if (!(await this.repository.questionExists(row.id, questionId))) throw ProblemException.notFound('Aucune question de ce numéro dans cette consultation.');
    const { changed, supports } = await this.repository.setQuestionSupport(questionId, person.id, supporting);
    return { created: supporting && changed, state: { supporting, supports } };
  }

  async answer(actor: Actor, reference: string, questionId: string, input: AnswerQuestion): Promise<QuestionDto> {
    const row = await this.visible(actor, reference);
    const organizer = authorize(canOnConsultation('consultations.answer-question', { actor, consultation: factsOf(row) }));
    if (!(await this.repository.questionExists(row.id, questionId))) throw ProblemException.notFound('Aucune question de ce numéro dans cette consultation.');
    if (input.hearingId && !(await this.repository.hearing(row.id, input.hearingId))) {
      throw ProblemException.validation([{ path: 'hearingId', code: 'unknown', message: 'Aucune audition de ce numéro dans cette consultation.' }]);
    }
    await this.prisma.$transaction(async (tx) => {
      await this.repository.answerQuestion(tx, questionId, input.body, input.hearingId, organizer.id);
      await this.audit.record(tx, { actorId: organizer.id, action: 'consultation.question-answered', subjectType: 'consultation', subjectId: row.id, data: { reference, questionId } });
    });
    return this.question(row, questionId, actor);
  }

  // ---- ballots -----------------------------------------------------------------------

  /** The choices' schema of each set of voting rules, built once (building it per ballot was a few per cent of a ballot's CPU). */
  private readonly choicesSchemas = new Map<string, ReturnType<typeof ballotChoicesSchema>>();
  private choicesSchemaOf(rules: VotingRules): ReturnType<typeof ballotChoicesSchema> {
    const key = JSON.stringify(rules);
    let schema = this.choicesSchemas.get(key);
    if (!schema) {
      // A few consultations vote at once; the map is only a cache, emptied if it ever grows.
      if (this.choicesSchemas.size >= 100) this.choicesSchemas.clear();
      schema = ballotChoicesSchema(rules);
      this.choicesSchemas.set(key, schema);
    }
    return schema;
  }

  /** The choices checked against the rules (422 naming the field, never a 500). */
  private checkChoices(rules: DecisionRules, choices: unknown): BallotChoices {
    const parsed = this.choicesSchemaOf(votingRulesOf(rules)).safeParse(choices);
    if (!parsed.success) {
      const shapes: Record<DecisionRules['method'], string> = {
        yes_no_abstain: 'Répondez oui, non ou abstention : { "answer": "yes" | "no" | "abstain" }.',
        single_choice: 'Choisissez une des options : { "option": "<id>" }.',
        approval: 'Cochez les options que vous approuvez : { "options": ["<id>", …] }.',
        majority_judgment: 'Donnez une mention à chaque option : { "grades": { "<id>": 0…5 } } (0 = Excellent, 5 = À rejeter).',
      };
      throw ProblemException.validation(parsed.error.issues.map((issue) => ({ path: ['choices', ...issue.path.map(String)].join('.'), code: 'invalid', message: shapes[rules.method] })));
    }
    const data = parsed.data;
    if (rules.method === 'approval' && rules.maxApprovals !== null && 'options' in data && data.options.length > rules.maxApprovals) {
      throw ProblemException.validation([{ path: 'choices.options', code: 'too_many', message: `Au plus ${rules.maxApprovals} options approuvées.` }]);
    }
    return data;
  }

  /**
   * One transaction: the participation (person, consultation — its primary key
   * stops a second vote) and the ballot (random id and receipt, the choices,
   * hashes of the change and idempotency keys, the day) — nothing links them.
   * The same idempotency key again returns the same receipt (`created: false`).
   */
  async cast(caller: UnconfirmedCaller, given: { params: unknown; body: unknown }): Promise<{ created: boolean; receipt: BallotReceiptDto }> {
    // One read for the caller's session, the consultation and the voter (the hot path: see npm run bench), one statement to store the ballot.
    const rawReference = (given.params as { reference?: unknown } | null)?.reference;
    const context = await this.repository.castContext(typeof rawReference === 'string' ? rawReference : '', caller);
    // The guard's answer, then the pipes' (the same order as on any other route): the session, the address, the body.
    if (!context) throw SESSION_ENDED();
    const { reference } = castReference.transform(given.params);
    const input = castBallot.transform(given.body);
    const { actor, consultation: row } = context;
    if (!row) throw notFound(reference);
    const rules = row.rules as unknown as DecisionRules;
    const voter: VoterFacts = { ...row.voter, eligibility: rules.eligibility, neighbourhoodIds: rules.neighbourhoodIds };
    const person: Person = authorize(canOnConsultation('consultations.vote', { actor, consultation: factsOf(row), voter }));
    const choices = this.checkChoices(rules, input.choices);
    const idempotencyKeyHash = this.ballotKeys.idempotencyHash(person.id, input.idempotencyKey);
    const changeKey = this.ballotKeys.changeKey(person.id, input.idempotencyKey);
    const receiptOf = (receipt: string, stored: unknown, castOn: string): BallotReceiptDto => ({ consultation: reference, receipt, changeKey, choices: stored as BallotChoices, castOn, voteClosesAt: row.voteClosesAt.toISOString() });
    const receipt = newReceipt();
    const castOn = today();
    const outcome = await this.repository.castOnline(row.id, person.id, { id: randomUUID(), receipt, choices, changeKeyHash: sha256(changeKey), idempotencyKeyHash, castOn });
    if (outcome.created) return { created: true, receipt: receiptOf(receipt, choices, castOn) };
    if (outcome.state !== 'vote') throw ProblemException.ruleViolation(outcome.state === 'results' || outcome.state === 'referral' ? 'Le vote est clos.' : 'Le vote n’est pas ouvert.');
    // Already took part: a retry of the same ballot (same key) gets its receipt back; anything else is a second vote.
    const same = await this.repository.ballotByIdempotencyKey(row.id, idempotencyKeyHash);
    if (same) return { created: false, receipt: receiptOf(same.receipt, same.choices, dateOnly(same.castOn)) };
    throw ProblemException.conflict('Vous avez déjà voté dans cette consultation. Pour changer votre vote, utilisez la clé de modification de votre reçu.');
  }

  /** Replaces a ballot's choices, with its change key, while the vote is open; the receipt code stays. */
  async change(actor: Actor, reference: string, receipt: string, input: ChangeBallot): Promise<BallotReceiptDto> {
    const row = await this.visible(actor, reference);
    authorize(canOnConsultation('consultations.change-ballot', { actor, consultation: factsOf(row) }));
    const choices = this.checkChoices(rulesOf(row), input.choices);
    return this.prisma.$transaction(async (tx) => {
      const state = await this.repository.lockShared(tx, row.id);
      if (state !== 'vote') throw ProblemException.ruleViolation('Le vote est clos : les bulletins ne changent plus.');
      const ballot = await this.repository.ballotByReceipt(row.id, receipt, tx);
      const given = Buffer.from(sha256(input.changeKey), 'hex');
      // The same answer for an unknown receipt and a wrong key: nobody learns which receipts exist by trying keys.
      if (!ballot || !timingSafeEqual(given, Buffer.from(ballot.changeKeyHash, 'hex'))) {
        throw ProblemException.forbidden('Ce code de reçu et cette clé de modification ne vont pas ensemble.');
      }
      await this.repository.replaceChoices(tx, ballot.id, choices as Prisma.InputJsonValue);
      return { consultation: reference, receipt, changeKey: input.changeKey, choices, castOn: dateOnly(ballot.castOn), voteClosesAt: row.voteClosesAt.toISOString() };
    });
  }

  async checkReceipt(actor: Actor, reference: string, receipt: string) {
    const row = await this.visible(actor, reference);
    authorize(canOnConsultation('consultations.check-receipt', { actor, consultation: factsOf(row) }));
    if (!row.ballotListSha256) return { consultation: reference, receipt, inBox: await this.repository.receiptInBox(row.id, receipt), ballotList: null, choices: null };
    // Closed: the ballot rows are the published list's lines (frozen at the close), so a line's choices are public.
    const choices = (await this.repository.choicesByReceipt(row.id, receipt)) as BallotChoices | null;
    return { consultation: reference, receipt, inBox: choices !== null, ballotList: { sha256: row.ballotListSha256, url: ballotListUrl(reference) }, choices };
  }

  async myParticipation(actor: Actor, reference: string) {
    const row = await this.visible(actor, reference);
    if (!actor) throw ProblemException.unauthorized('Connectez-vous pour voir si vous avez voté.');
    const participation = await this.repository.participation(row.id, actor.id);
    return { consultation: reference, voted: participation !== null, channel: (participation?.channel as 'online' | 'station' | undefined) ?? null };
  }

  private turnoutOf(row: ConsultationRow, provisional: boolean): Promise<TurnoutDto> {
    return turnoutOf(this.repository, row, provisional);
  }

  async turnout(actor: Actor, reference: string): Promise<TurnoutDto> {
    const row = await this.visible(actor, reference);
    authorize(canOnConsultation('consultations.view-turnout', { actor, consultation: factsOf(row) }));
    if (isClosed(row.state) && row.results) return (row.results as unknown as ConsultationResultsDto).turnout;
    return this.turnoutOf(row, row.state === 'vote' || row.state === 'counting');
  }

  async results(actor: Actor, reference: string): Promise<ConsultationResultsDto> {
    const row = await this.visible(actor, reference);
    authorize(canOnConsultation('consultations.view-results', { actor, consultation: factsOf(row) }));
    if (!row.results) throw ProblemException.notFound('Les résultats de cette consultation ne sont pas encore calculés.');
    return row.results as unknown as ConsultationResultsDto;
  }

  /** The frozen ballot list's exact bytes (404 before the close, and for a draft). */
  async ballotListFile(reference: string): Promise<string> {
    const row = await this.repository.find(reference);
    if (!row || row.state === 'draft' || !row.ballotList) throw ProblemException.notFound(`Aucune liste de bulletins publiée pour ${reference} : elle l’est à la clôture du vote.`);
    return row.ballotList;
  }

  // ---- polling stations ------------------------------------------------------------------

  async stationEligibility(actor: Actor, reference: string, voterCode: string) {
    const row = await this.visible(actor, reference);
    authorize(canOnConsultation('consultations.officiate', { actor, consultation: factsOf(row) }));
    return (await this.eligibilityOf(row, voterCode)).answer;
  }

  /**
   * The holder of a voter code as an officer sees them (review M12): may they vote, have they already —
   * never their account id, pseudonym or channel. The person's id stays inside the API.
   */
  private async eligibilityOf(row: ConsultationRow, voterCode: string) {
    const personId = await this.repository.personByVoterCode(voterCode);
    if (personId === null) throw ProblemException.notFound(`Aucune habitante ni aucun habitant vérifié n’a le code d’électeur ${formatVoterCode(voterCode)}. Vérifiez le code sur la page « Mon compte » de la personne.`);
    const rules = rulesOf(row);
    const facts = await this.repository.voterFacts(personId);
    const decision = canOnConsultation('consultations.vote', { actor: { id: personId, roles: [] }, consultation: factsOf(row), voter: { ...facts, eligibility: rules.eligibility, neighbourhoodIds: rules.neighbourhoodIds } });
    const participation = await this.repository.participation(row.id, personId);
    const answer = {
      voterCode: formatVoterCode(voterCode),
      eligible: decision.allowed,
      reason: decision.allowed ? null : decision.message,
      // Never the channel (review L10): an officer learns that the person took part, not whether online or at a station.
      alreadyVoted: participation !== null,
    };
    return { personId, answer };
  }

  /** An officer records that an eligible person voted at the station: the same participation row as online, so nobody votes twice. */
  async recordStationVote(actor: Actor, reference: string, voterCode: string, stationName: string) {
    const row = await this.visible(actor, reference);
    const officer = authorize(canOnConsultation('consultations.officiate', { actor, consultation: factsOf(row) }));
    const { personId, answer: eligibility } = await this.eligibilityOf(row, voterCode);
    if (!eligibility.eligible) throw ProblemException.ruleViolation(eligibility.reason ?? 'Cette personne ne peut pas voter dans cette consultation.');
    await this.prisma.$transaction(async (tx) => {
      const state = await this.repository.lockShared(tx, row.id);
      if (state !== 'vote') throw ProblemException.ruleViolation('Le vote n’est pas ouvert.');
      if (!(await this.repository.addParticipation(tx, row.id, personId, 'station', { name: stationName, recordedById: officer.id }))) {
        throw ProblemException.conflict('Cette personne a déjà voté dans cette consultation (en ligne ou dans un bureau de vote).');
      }
    });
    return { ...eligibility, alreadyVoted: true };
  }

  /** The stations' count records; their counts only once the results are published, for everyone (they are results). */
  async paperCounts(actor: Actor, reference: string): Promise<ListedPaperCountDto[]> {
    const row = await this.visible(actor, reference);
    const rows = await this.repository.paperCounts(row.id);
    const names = await this.repository.pseudonyms(rows.flatMap((p) => [p.enteredById, ...(p.confirmedById ? [p.confirmedById] : [])]));
    const published = isClosed(row.state);
    const voters = published ? await this.repository.stationVoterCounts(this.prisma, row.id) : new Map<string, number>();
    const consultation = factsOf(row);
    const countingOver = Date.now() > countingEndsAt(row).getTime();
    return rows.map((p) => ({
      ...paperDto(p, names, published && (voters.get(p.stationName) ?? 0) >= SMALL_COUNT_THRESHOLD),
      viewer: { can: permissionsFor(PAPER_COUNT_VIEWER_ACTIONS, (action) => canOnConsultation(action, { actor, consultation, record: { enteredById: p.enteredById, confirmed: p.confirmedById !== null }, countingOver })) },
    }));
  }

  /**
   * A station's count record (totals, two officers, time, place): during the
   * vote, or after its close while the count lasts — a station counts its
   * paper ballots when it closes. It counts once a second officer confirms it (confirmPaperCount).
   */
  async addPaperCount(actor: Actor, reference: string, input: PaperCountInput): Promise<PaperCountDto> {
    const row = await this.visible(actor, reference);
    const officer = authorize(canOnConsultation('consultations.enter-paper-totals', { actor, consultation: factsOf(row) }));
    const rules = rulesOf(row);
    const key = { yes_no_abstain: 'answers', single_choice: 'options', approval: 'options', majority_judgment: 'grades' }[rules.method];
    if (!paperTotalsOf(rules, input, 0)) throw ProblemException.validation([{ path: `counts.${key}`, code: 'missing', message: `Pour cette méthode, saisissez les totaux dans « counts.${key} ».` }]);
    // The count happens between the opening of the vote and the end of the counting time, never in the future.
    const countedAt = new Date(input.countedAt);
    const latest = new Date(Math.min(Date.now() + COUNTED_AT_SKEW_MS, countingEndsAt(row).getTime()));
    // Forms give the minute: the opening is compared to the minute too.
    const earliest = new Date(Math.floor(row.voteOpensAt.getTime() / 60_000) * 60_000);
    if (countedAt < earliest || countedAt > latest) {
      throw ProblemException.ruleViolation(`Date du dépouillement impossible : ${input.countedAt}. Elle se situe entre l’ouverture du vote (${row.voteOpensAt.toISOString()}) et ${latest.toISOString()}.`, [
        { path: 'countedAt', code: 'out_of_range', message: `Le dépouillement a lieu entre l’ouverture du vote et la fin du dépouillement (au plus tard ${latest.toISOString()}), jamais dans le futur.` },
      ]);
    }
    const created = await this.prisma.$transaction(async (tx) => {
      const state = await this.repository.lockShared(tx, row.id);
      if (state !== 'vote' && state !== 'counting') throw ProblemException.ruleViolation('Les procès-verbaux se saisissent pendant le vote et le dépouillement, jusqu’à la publication des résultats.');
      if (await this.repository.paperCountExists(tx, row.id, input.stationName)) throw ProblemException.conflict(`Le procès-verbal du bureau « ${input.stationName} » est déjà saisi.`);
      // Checked against the box and the people recorded at that station (review C1): no count adds votes.
      const recordedVoters = (await this.repository.stationVoterCounts(tx, row.id)).get(input.stationName) ?? 0;
      const totals = paperTotalsOf(rules, input, recordedVoters)!;
      const { ballots: _box, ...shape } = totals;
      const shapeProblems = paperTotalsProblems(votingRulesOf(rules), shape as PaperTotals);
      if (shapeProblems.length > 0) throw ProblemException.validation(shapeProblems.map((message) => ({ path: `counts.${key}`, code: 'invalid', message: `Totaux incohérents avec les règles : ${message}.` })));
      const inconsistencies = paperCountInconsistencies(votingRulesOf(rules), totals);
      if (inconsistencies.length > 0) {
        throw ProblemException.ruleViolation(
          `Procès-verbal incohérent : ${inconsistencies.map((i) => i.fr).join(' ')}`,
          inconsistencies.map((i) => ({ path: i.path, code: 'inconsistent', message: i.fr })),
        );
      }
      const count = await this.repository.createPaperCount(tx, {
        consultationId: row.id,
        stationName: input.stationName,
        place: input.place,
        countedAt: new Date(input.countedAt),
        officers: [...input.officers],
        ballots: input.ballots,
        blankOrInvalid: input.blankOrInvalid,
        counts: input.counts as unknown as Prisma.InputJsonValue,
        enteredById: officer.id,
      });
      await this.audit.record(tx, { actorId: officer.id, action: 'consultation.paper-count-recorded', subjectType: 'consultation', subjectId: row.id, data: { reference, station: input.stationName, place: input.place, ballots: input.ballots } });
      return count;
    });
    // Not counted yet: a second officer confirms it (confirmPaperCount), and the results wait for that.
    return paperDto(created, await this.repository.pseudonyms([officer.id]));
  }

  /**
   * The two-officer rule, made real: a count record entered by one officer's
   * account counts only once a second officer, with another account, confirms
   * it. The same account: 422; already confirmed: 409. The last confirmation
   * after the close publishes the results.
   */
  async confirmPaperCount(actor: Actor, reference: string, countId: string): Promise<PaperCountDto> {
    const row = await this.visible(actor, reference);
    const officer = authorize(canOnConsultation('consultations.enter-paper-totals', { actor, consultation: factsOf(row) }));
    const confirmed = await this.prisma.$transaction(async (tx) => {
      const state = (await this.repository.lockShared(tx, row.id)) ?? row.state;
      const count = await this.repository.lockPaperCount(tx, row.id, countId);
      if (!count) throw ProblemException.notFound('Aucun procès-verbal de ce numéro dans cette consultation.');
      const record = { enteredById: count.enteredById, confirmed: count.confirmedById !== null };
      const decision = canOnConsultation('consultations.confirm-paper-totals', { actor, consultation: { ...factsOf(row), state }, record });
      if (decision === PAPER_COUNT_ALREADY_CONFIRMED) throw ProblemException.conflict(`Le procès-verbal du bureau « ${count.stationName} » est déjà confirmé.`);
      if (decision === PAPER_COUNT_SAME_OFFICER) {
        throw ProblemException.ruleViolation(decision.message, [
          { path: 'countId', code: 'same_officer', message: 'Le procès-verbal est confirmé par un second assesseur, connecté avec un autre compte que celui qui l’a saisi.' },
        ]);
      }
      authorize(decision);
      const updated = await this.repository.confirmPaperCount(tx, count.id, officer.id);
      await this.audit.record(tx, { actorId: officer.id, action: 'consultation.paper-count-confirmed', subjectType: 'consultation', subjectId: row.id, data: { reference, station: count.stationName } });
      return updated;
    });
    // After the close, the count may be complete now: the results follow at once rather than at the next sweep.
    await this.advance(reference);
    return paperDto(confirmed, await this.repository.pseudonyms([confirmed.enteredById, officer.id]), false);
  }

  /**
   * Withdraws a count record before a second officer confirms it (a typo): the
   * officer whose account entered it, or an organizer (403 for anyone else).
   * A confirmed record counts and stays (409), and nothing is withdrawn after
   * the end of the count or once the results are published (409). The station
   * may then enter its record again. Checked under the consultation's shared
   * lock and the record's row lock, as the confirmation is: of a withdrawal and
   * a confirmation at once, the second sees the first.
   */
  async withdrawPaperCount(actor: Actor, reference: string, countId: string): Promise<void> {
    const row = await this.visible(actor, reference);
    await this.prisma.$transaction(async (tx) => {
      const state = (await this.repository.lockShared(tx, row.id)) ?? row.state;
      const count = await this.repository.lockPaperCount(tx, row.id, countId);
      // Records are listed publicly (GET …/paper-totals): that one does not exist is no secret.
      if (!count) throw ProblemException.notFound('Aucun procès-verbal de ce numéro dans cette consultation.');
      const consultation = { ...factsOf(row), state };
      const countingOver = Date.now() > countingEndsAt(row).getTime();
      const record = { enteredById: count.enteredById, confirmed: count.confirmedById !== null };
      const decision = canOnConsultation('consultations.withdraw-paper-totals', { actor, consultation, record, countingOver });
      // The record's state or the count's time is a conflict with what happened (409), not a malformed request.
      if (!decision.allowed && (decision.reason === 'wrong_state' || decision.reason === 'wrong_phase')) throw ProblemException.conflict(decision.message);
      const officer = authorize(decision);
      await this.repository.deletePaperCount(tx, count.id);
      await this.audit.record(tx, { actorId: officer.id, action: 'consultation.paper-count-withdrawn', subjectType: 'consultation', subjectId: row.id, data: { reference, station: count.stationName } });
    });
  }
}
