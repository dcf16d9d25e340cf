import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  addMonthsUtc,
  AnswerCallSchema,
  fieldErrorsFromZod,
  plainFrenchIssue,
  ADVISORY_PANEL_VIEWER_ACTIONS,
  assignTerms,
  CALL_VIEWER_ACTIONS,
  contactsEraseAt,
  termHasEnded,
  canOnAdvisoryPanel,
  categoriesCsv,
  checkFeasibility,
  checkPanelsAgainstFiles,
  citizenSeats,
  CURRENT_MEMBER_STATES,
  drawSizeProblem,
  replacementTerms,
  DRAW_FILES,
  DRAW_VIEWER_ACTIONS,
  drawFromSeeds,
  drawLifecycle,
  DRAW_STATE_NAMES_FR,
  FINISHED_DRAW_STATES,
  INVITATION_CODE_ALPHABET,
  INVITATION_CODE_LENGTH,
  memberLifecycle,
  memberTransitionRefusal,
  callLifecycle,
  callTransitionRefusal,
  PANEL_DRAW_ALGORITHM,
  PANEL_LOTTERY_SIZE,
  PAST_MEMBER_STATES,
  permissionsFor,
  problemTypes,
  quotaTable,
  readPoolCsv,
  respondentsCsv,
  SEAT_TYPES,
  SeedMismatchError,
  sha256Hex,
  VACATING_TRANSITIONS,
  type Actor,
  type AddPanelMember,
  type AdvisoryPanelDto,
  type AnswerCall,
  type AnswerPanelInvitation,
  type AuditAction,
  type CallDto,
  type CallTransition,
  type CitizenSeats,
  type CommitDraw,
  type DrawKind,
  type CreateCall,
  type DrawComputation,
  type DrawManifest,
  type Feasibility,
  type FieldError,
  type JsonValue,
  type ImportPool,
  type MemberTransition,
  type PanelCategory,
  type PanelDrawDto,
  type PanelDrawReport,
  type PanelInvitation,
  type PanelMember,
  type PanelMemberAdmin,
  type PanelRules,
  type PanelRulesVersion,
  type PoolDetail,
  type PoolEntry,
  type ProblemDocument,
  type PublishPanelRules,
  type Quota,
  type SetQuotas,
  type VolunteerWithdrawal,
  type WithdrawVolunteer,
  withdrawalConflict,
  type Locale,
} from '@sesame/domain';
import type { Prisma } from '../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import { authorize } from '../common/authorize';
import { ProblemException } from '../common/problem.exception';
import { TransitionRunner } from '../common/transition.runner';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import { JobQueue } from '../jobs/job-queue.service';
import { every } from '../jobs/schedules';
import { MailService } from '../mail/mail.service';
import { LIMITS, RateLimitService } from '../rate-limit/rate-limit.service';
import type { PrismaTransaction } from '../prisma/prisma.service';
import { computeInWorker, DrawComputationError } from './advisory-panel.compute';
import { panelInvitationMail, withdrawalCodeMail } from './advisory-panel.mail';
import { AdvisoryPanelRepository, type CallRow, type DrawRow, type MemberRow, type PoolRow, type RulesRow, type VacatedSeatRow } from './advisory-panel.repository';

export const COMPUTE_DRAW_JOB = 'advisory-panel.compute-draw';
/** E-mails one drawn volunteer their invitation (enqueued by the draw). */
export const INVITE_MEMBER_JOB = 'advisory-panel.invite-member';
/** E-mails a volunteer the withdrawal code of their answer (enqueued with the answer; the payload holds no secret). */
export const WITHDRAWAL_CODE_JOB = 'advisory-panel.withdrawal-code';
/** Where the withdrawal link leads (the web page reads `jeton`). */
const withdrawalPage = (call: string) => `/comite/appels/${call}/retrait`;
/** Ends the terms that are over and erases undrawn volunteers' contacts that are due: hourly, and at each such date. */
export const DUE_JOB = 'advisory-panel.due';
const HOUR = 3_600_000;
/** Where the invitation link leads (the web page reads `jeton`). */
const INVITATION_PAGE = '/comite/invitation';
/** Progress is written at most this often while the worker runs. */
const PROGRESS_EVERY_MS = 500;
const API_BASE = '/api/v1/advisory-panel';

const MEMBER_AUDIT: Record<MemberTransition, AuditAction> = {
  activate: 'panel-member.activated',
  resign: 'panel-member.resigned',
  replace: 'panel-member.replaced',
  end_term: 'panel-member.term-ended',
};

/** What the computation stores (DrawComputation without the panels, which have their column). */
type StoredResult = Omit<DrawComputation, 'panels'>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const day = (d: Date) => d.toISOString().slice(0, 10);
/** The language a volunteer answered a call's form in, as the e-mails to them use it. */
const volunteerLocale = (locale: string): Locale => (locale === 'en' ? 'en' : 'fr');
function newCode(): string {
  let code = '';
  for (let i = 0; i < INVITATION_CODE_LENGTH; i++) code += INVITATION_CODE_ALPHABET[randomInt(INVITATION_CODE_ALPHABET.length)];
  return code;
}

/** 422 naming each quota that cannot be met and by how much (`feasibility` carries the whole report). */
function infeasible(report: Feasibility, quotas: readonly Quota[]): ProblemException {
  const errors: FieldError[] = [
    ...report.violations.map((v) => ({
      path: `quotas.${Math.max(0, quotas.findIndex((q) => q.category === v.category && q.value === v.value))}`,
      code: v.by < 0 ? 'quota_short' : 'quota_over',
      message:
        v.by < 0
          ? `${v.category} = ${v.value} : au mieux ${v.closest} membres, le minimum est ${v.min} (il en manque ${-v.by} ; ${v.available} volontaires dans le vivier).`
          : `${v.category} = ${v.value} : au moins ${v.closest} membres, le maximum est ${v.max} (${v.by} de trop).`,
    })),
    ...(report.seatsShort > 0 ? [{ path: 'panelSize', code: 'seats_short', message: `${report.seatsShort} sièges ne peuvent pas être pourvus : le vivier (un seul membre par foyer) est trop petit.` }] : []),
  ];
  const problem = {
    type: problemTypes.ruleViolation,
    title: 'Rule violation',
    status: 422,
    detail: 'Ces quotas ne peuvent pas être respectés avec ce vivier : la liste dit quelles valeurs et de combien.',
    errors,
    feasibility: report,
  };
  return new ProblemException(problem as ProblemDocument);
}

/** 422 before any draw for more people than the seats it may fill (`citizenSeats` carries the count); null when it fits. */
function seatsRefusal(kind: DrawKind, panelSize: number, seats: CitizenSeats, atTheDraw = false): ProblemException | null {
  const problem = drawSizeProblem(kind, panelSize, seats);
  if (!problem) return null;
  return new ProblemException({
    type: problemTypes.ruleViolation,
    title: 'Rule violation',
    status: 422,
    // At the draw, the commitment cannot change: the way out is to cancel it, which frees its pool for a new one.
    detail: atTheDraw ? `${problem.detail} Ce tirage ne peut plus avoir lieu tel qu’il a été engagé : annulez-le, avec la raison (publiée), pour libérer son vivier et publier un nouvel engagement.` : problem.detail,
    errors: [{ path: 'panelSize', code: problem.code, message: problem.message }],
    citizenSeats: seats,
  } as ProblemDocument);
}

/**
 * The advisory panel: rules published as versions, members and their
 * seats, calls for volunteers with invitation letters, pools and quotas, and
 * the public lottery (commitment, computation in a worker thread, seeds
 * revealed, panel drawn) whose files anyone re-runs
 * (`npm run sortition:rerun`).
 */
@Injectable()
export class AdvisoryPanelService implements OnModuleInit {
  private readonly logger = new Logger('AdvisoryPanel');
  private readonly codeKey: Buffer;
  private readonly inviteKey: Buffer;
  private readonly withdrawKey: Buffer;
  private readonly sealKey: Buffer;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly repository: AdvisoryPanelRepository,
    private readonly audit: AuditService,
    private readonly transitions: TransitionRunner,
    private readonly jobs: JobQueue,
    private readonly rateLimits: RateLimitService,
    private readonly mail: MailService,
  ) {
    this.codeKey = Buffer.from(hkdfSync('sha256', config.API_AUTH_SECRET, 'sesame', 'panel-invitation-code', 32));
    this.inviteKey = Buffer.from(hkdfSync('sha256', config.API_AUTH_SECRET, 'sesame', 'panel-seat-invitation', 32));
    this.withdrawKey = Buffer.from(hkdfSync('sha256', config.API_AUTH_SECRET, 'sesame', 'panel-volunteer-withdrawal', 32));
    this.sealKey = Buffer.from(hkdfSync('sha256', config.API_AUTH_SECRET, 'sesame', 'panel-withdrawal-code-mail', 32));
  }

  onModuleInit(): void {
    // Its own lane: LEXIMIN on a large pool takes minutes to an hour, and e-mails must not wait behind it.
    this.jobs.register(COMPUTE_DRAW_JOB, (payload) => this.compute((payload as { drawId: string }).drawId), { lane: 'panel-draws' });
    this.jobs.register(INVITE_MEMBER_JOB, (payload) => this.sendInvitation((payload as { memberId: string }).memberId));
    this.jobs.register(WITHDRAWAL_CODE_JOB, (payload) => this.sendWithdrawalCode((payload as { volunteerId: string }).volunteerId));
    // The hourly sweep; jobs planned at each term end and retention date run the same handler on the day.
    this.jobs.recurring(DUE_JOB, every(HOUR), () => this.applyDue());
  }

  private hashInviteToken(token: string): string {
    return createHmac('sha256', this.inviteKey).update(token).digest('hex');
  }

  private hashWithdrawToken(token: string): string {
    return createHmac('sha256', this.withdrawKey).update(token).digest('hex');
  }

  /**
   * The withdrawal code, sealed (AES-256-GCM) for the time between the answer and its e-mail: the job's payload
   * names the volunteer only, and the sealed code is erased once sent. Neither the database nor the queue ever
   * holds the code in clear.
   */
  private sealWithdrawalCode(code: string, volunteerKey: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    cipher.setAAD(Buffer.from(volunteerKey));
    const sealed = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
  }

  private unsealWithdrawalCode(sealed: string, volunteerKey: string): string {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.sealKey, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(volunteerKey));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  }

  private hashCode(code: string): string {
    return createHmac('sha256', this.codeKey).update(code).digest('hex');
  }

  // ———————————————————————————— the public page and the rules

  async panel(actor: Actor): Promise<AdvisoryPanelDto> {
    const [rules, members, calls, draws, seatFacts] = await Promise.all([
      this.repository.currentRules(),
      this.repository.members(),
      this.repository.calls(['open', 'closed']),
      this.repository.draws(),
      this.repository.citizenSeatFacts(),
    ]);
    const current = members.filter((m) => (CURRENT_MEMBER_STATES as readonly string[]).includes(m.state));
    const seatsOf = this.seatsOf(rules ? (rules.rules as PanelRules) : null);
    return {
      rules: rules ? this.rulesVersion(rules) : null,
      seats: SEAT_TYPES.map((seatType) => {
        const titulars = current.filter((m) => m.seatType === seatType && m.position === 'titular');
        const filled = titulars.filter((m) => m.state === 'active').length;
        const invited = titulars.filter((m) => m.state === 'invited').length;
        return { seatType, seats: seatsOf[seatType], filled, invited, toFill: Math.max(0, seatsOf[seatType] - filled - invited) };
      }),
      citizenSeats: this.citizenSeatsOf(seatsOf.drawn_citizen, seatFacts),
      termEnds: this.termEnds(current),
      members: publicOrder(current.filter((m) => m.position === 'titular').map((m) => this.member(m))),
      substitutes: publicOrder(current.filter((m) => m.position === 'substitute').map((m) => this.member(m))),
      pastMembers: publicOrder(members.filter((m) => (PAST_MEMBER_STATES as readonly string[]).includes(m.state)).map((m) => this.member(m))),
      calls: calls.map((c) => {
        const { viewer: _viewer, ...call } = this.callDto(actor, c);
        return call;
      }),
      draws: draws.map((d) => ({ reference: d.reference, kind: d.kind, state: d.state, panelSize: d.panelSize, poolSize: this.poolSizeOf(d), committedAt: d.committedAt.toISOString(), drawnAt: iso(d.drawnAt) })),
      viewer: { can: permissionsFor(ADVISORY_PANEL_VIEWER_ACTIONS, (action) => canOnAdvisoryPanel(action, { actor })) },
    };
  }

  /** Seats per type in the rules (none before the first version). */
  private seatsOf(rules: PanelRules | null): Record<(typeof SEAT_TYPES)[number], number> {
    const seats = rules?.seats;
    return { drawn_citizen: seats?.drawnCitizens ?? 0, association: seats?.associations ?? 0, expert_voting: seats?.expertsVoting ?? 0, expert_consultative: seats?.expertsConsultative ?? 0 };
  }

  private citizenSeatsOf(seats: number, facts: { held: number; reserved: number; vacated: readonly VacatedSeatRow[] }): CitizenSeats {
    return citizenSeats({ seats, held: facts.held, reserved: facts.reserved, vacatedSeats: facts.vacated.length });
  }

  /** Upcoming ends of term of the sitting titular members, by date and seat type (one line per third under rotation). */
  private termEnds(current: readonly MemberRow[]) {
    const groups = new Map<string, { termEnd: string; seatType: MemberRow['seatType']; members: number }>();
    for (const m of current.filter((x) => x.position === 'titular')) {
      const key = `${day(m.termEnd)}|${m.seatType}`;
      const group = groups.get(key) ?? { termEnd: day(m.termEnd), seatType: m.seatType, members: 0 };
      group.members += 1;
      groups.set(key, group);
    }
    return [...groups.values()].sort((a, b) => (a.termEnd < b.termEnd ? -1 : a.termEnd > b.termEnd ? 1 : SEAT_TYPES.indexOf(a.seatType) - SEAT_TYPES.indexOf(b.seatType)));
  }

  async rules(): Promise<PanelRulesVersion[]> {
    return (await this.repository.rulesVersions()).map((r) => this.rulesVersion(r));
  }

  async publishRules(actor: Actor, input: PublishPanelRules): Promise<PanelRulesVersion> {
    const organizer = authorize(canOnAdvisoryPanel('advisory-panel.publish-rules', { actor }));
    const row = await this.repository.transaction(async (tx) => {
      const row = await this.repository.publishRules(tx, input.rules as unknown as Prisma.InputJsonValue, input.changeNote);
      await this.audit.record(tx, {
        actorId: organizer.id,
        action: 'advisory-panel.rules-published',
        subjectType: 'advisory-panel',
        subjectId: null,
        data: { version: row.version, changeNote: input.changeNote, rules: input.rules as unknown as JsonValue },
      });
      return row;
    });
    return this.rulesVersion(row);
  }

  private rulesVersion(row: RulesRow): PanelRulesVersion {
    return { version: row.version, rules: row.rules as unknown as PanelRules, changeNote: row.changeNote, publishedAt: row.publishedAt.toISOString() };
  }

  /** The rules in force, their row locked (seating under the seat counts is serialised on it). */
  private async lockedRules(tx: PrismaTransaction): Promise<PanelRules> {
    const rules = await this.repository.lockCurrentRules(tx);
    if (!rules) throw ProblemException.ruleViolation('Publiez d’abord les règles du comité (sièges, mandat, catégories).');
    return rules.rules as unknown as PanelRules;
  }

  private async rulesInForce(tx?: PrismaTransaction): Promise<PanelRules> {
    const rules = await this.repository.currentRules(tx);
    if (!rules) throw ProblemException.ruleViolation('Publiez d’abord les règles du comité (sièges, mandat, catégories).');
    return rules.rules as unknown as PanelRules;
  }

  // ———————————————————————————— members

  /** A member as the public sees them: a person drawn by lot is named only once they have accepted their seat (M10). */
  private member(m: MemberRow): PanelMember {
    return {
      id: m.id,
      seatType: m.seatType,
      position: m.position,
      substituteRank: m.substituteRank,
      displayName: m.state === 'invited' && m.seatType === 'drawn_citizen' ? null : m.displayName,
      displayMode: m.displayMode,
      affiliation: m.affiliation,
      state: m.state,
      termStart: day(m.termStart),
      termEnd: day(m.termEnd),
      draw: m.draw?.reference ?? null,
      remainderOfTerm: m.replaces !== null && day(m.replaces.termEnd) === day(m.termEnd),
      leftAt: iso(m.leftAt),
    };
  }
  private memberAdmin(m: MemberRow): PanelMemberAdmin {
    return {
      ...this.member(m),
      displayName: m.displayName,
      volunteer: m.volunteer?.publicId ?? null,
      contactEmail: m.volunteer?.contactEmail ?? null,
      reason: m.reason,
      rotationThird: m.rotationThird,
      invitationSentAt: iso(m.invitationSentAt),
      answeredAt: iso(m.answeredAt),
    };
  }

  async members(actor: Actor): Promise<PanelMemberAdmin[]> {
    authorize(canOnAdvisoryPanel('advisory-panel.manage-members', { actor }));
    return (await this.repository.members()).map((m) => this.memberAdmin(m));
  }

  async addMember(actor: Actor, input: AddPanelMember): Promise<PanelMemberAdmin> {
    const organizer = authorize(canOnAdvisoryPanel('advisory-panel.manage-members', { actor }));
    return this.repository.transaction(async (tx) => {
      const locked = await this.repository.lockCurrentRules(tx);
      if (!locked) throw ProblemException.ruleViolation('Publiez d’abord les règles du comité (sièges, mandat, catégories).');
      const rules = locked.rules as unknown as PanelRules;
      // The rules say how many seats and substitutes each type has: no more are seated.
      const limit = input.position === 'substitute' ? rules.substitutesPerSeatType : this.seatsOf(rules)[input.seatType];
      const held = await this.repository.countSeated(tx, input.seatType, input.position);
      if (held >= limit) {
        throw ProblemException.ruleViolation(
          input.position === 'substitute'
            ? `Les règles prévoient ${limit} suppléant(s) par type de siège, et ${held} sont déjà désignés pour ce type.`
            : `Les règles prévoient ${limit} siège(s) de ce type, et ${held} sont déjà occupés ou proposés.`,
          [{ path: input.position === 'substitute' ? 'position' : 'seatType', code: 'no_seat_left', message: 'Plus de place de ce type dans les règles en vigueur.' }],
        );
      }
      const termStart = new Date(`${input.termStart}T00:00:00Z`);
      const substituteRank = input.position === 'substitute' ? await this.repository.nextSubstituteRank(tx, input.seatType) : null;
      const row = await this.repository.createMember(tx, {
        seatType: input.seatType,
        position: input.position,
        substituteRank,
        displayName: input.displayName,
        displayMode: input.displayMode,
        affiliation: input.affiliation,
        termStart,
        termEnd: addMonthsUtc(termStart, rules.termMonths),
      });
      await this.audit.record(tx, {
        actorId: organizer.id,
        action: 'panel-member.added',
        subjectType: 'panel-member',
        subjectId: row.id,
        data: { seatType: row.seatType, position: row.position, displayName: row.displayName },
      });
      return this.memberAdmin(row);
    });
  }

  async changeMember(actor: Actor, id: string, transition: MemberTransition, reason: string): Promise<PanelMemberAdmin> {
    const organizer = authorize(canOnAdvisoryPanel('advisory-panel.manage-members', { actor }));
    await this.repository.transaction((tx) => this.moveMember(tx, { lock: (inner) => this.repository.lockMember(inner, id), transition, reason, actorId: organizer.id }));
    return this.memberAdmin((await this.repository.member(id))!);
  }

  /**
   * One member's move, audited: an organizer's (actorId), the volunteer's own
   * answer through their link, or the dated job's (actorId null, `by` says which).
   * A vacated titular seat goes to the first substitute of the same type, unless
   * `substitutes` is false (a term ended by rotation: the seats go to a new draw).
   */
  private async moveMember(
    tx: PrismaTransaction,
    step: { lock: (tx: PrismaTransaction) => Promise<MemberRow | null>; transition: MemberTransition; reason: string; actorId: string | null; by?: 'volunteer' | 'schedule'; substitutes?: boolean },
  ): Promise<MemberRow> {
    const { transition, reason, actorId, by } = step;
    const { thing } = await this.transitions.run(
      {
        lifecycle: memberLifecycle,
        transition,
        lock: step.lock,
        notFound: 'Aucun membre du comité avec cet identifiant.',
        stateOf: (m) => m.state,
        refusal: (from) => memberTransitionRefusal(transition, from),
        apply: async (inner, m, to) => {
          await this.repository.setMemberState(inner, m.id, to, reason, VACATING_TRANSITIONS.includes(transition) ? new Date() : null);
          // The contact was kept only to tell the drawn volunteer: once they have answered the invitation, it goes.
          if (m.state === 'invited' && m.volunteerId) await this.repository.eraseVolunteerContact(inner, m.volunteerId);
          // Someone drawn who never took their seat is never named in public: the name goes too.
          if (m.state === 'invited' && to === 'resigned' && m.volunteerId) await this.repository.renameMember(inner, m.id, DECLINED_SEAT_NAME);
        },
        audit: (m, to) => ({ actorId, action: MEMBER_AUDIT[transition], subjectType: 'panel-member', subjectId: m.id, data: { seatType: m.seatType, state: to, reason, ...(by ? { by } : {}) } }),
      },
      tx,
    );
    // A vacated seat goes to the first substitute of the same type.
    if (step.substitutes !== false && VACATING_TRANSITIONS.includes(transition) && thing.position === 'titular') {
      const substitute = await this.repository.firstSubstitute(tx, thing.seatType);
      if (substitute) {
        await this.repository.stepIn(tx, substitute.id, thing.id);
        await this.audit.record(tx, { actorId, action: 'panel-member.stepped-in', subjectType: 'panel-member', subjectId: substitute.id, data: { seatType: substitute.seatType, replaces: thing.id } });
      }
    }
    return thing;
  }

  // ———————————————————————————— a drawn volunteer's invitation

  /** The job: e-mails a drawn volunteer the link to accept or decline (once; a new token per attempt, only its HMAC kept). */
  async sendInvitation(memberId: string): Promise<void> {
    const m = await this.repository.memberToInvite(memberId);
    if (!m || m.state !== 'invited' || m.invitationSentAt || !m.volunteer?.contactEmail) return;
    const token = randomBytes(32).toString('base64url');
    const link = new URL(`${INVITATION_PAGE}?jeton=${token}`, this.config.WEB_ORIGIN).toString();
    // In the language of the call's form they answered in; an imported list's volunteers gave none: both.
    const locale = m.volunteer.pool.source === 'call' ? volunteerLocale(m.volunteer.locale) : null;
    await this.mail.send({
      to: m.volunteer.contactEmail,
      ...panelInvitationMail(locale, { displayName: m.displayName, volunteer: m.volunteer.publicId, draw: m.draw?.reference ?? '', termStart: day(m.termStart), termEnd: day(m.termEnd), link }),
    });
    // Sent, then recorded: a crash in between sends a second e-mail whose link replaces the first's, never none.
    await this.repository.transaction(async (tx) => {
      await this.repository.setInvitationSent(tx, m.id, this.hashInviteToken(token), new Date());
      await this.audit.record(tx, { actorId: null, action: 'panel-member.invitation-sent', subjectType: 'panel-member', subjectId: m.id, data: { draw: m.draw?.reference ?? null } });
    });
  }

  /**
   * The job: e-mails a volunteer who left an address the link and the code to withdraw their answer, then forgets
   * the sealed code (sent, then forgotten: a crash in between sends the same code twice, never none). Nothing to
   * send once they withdrew or their contact was erased.
   */
  async sendWithdrawalCode(volunteerId: string): Promise<void> {
    const v = await this.repository.volunteerToMailWithdrawalCode(volunteerId);
    if (!v?.withdrawCodeSealed) return;
    const call = v.pool.call;
    if (v.withdrawnAt || !v.contactEmail || !call) {
      await this.repository.forgetWithdrawalCode(v.id);
      return;
    }
    const code = this.unsealWithdrawalCode(v.withdrawCodeSealed, v.withdrawTokenHash ?? '');
    const link = new URL(`${withdrawalPage(call.reference)}?jeton=${encodeURIComponent(code)}`, this.config.WEB_ORIGIN).toString();
    // In the language of the form they answered in (the call's title is the organizers', in French).
    const locale = volunteerLocale(v.locale);
    await this.mail.send({ to: v.contactEmail, language: locale, ...withdrawalCodeMail(locale, { call: call.reference, title: call.title, volunteer: v.publicId, link, code }) });
    await this.repository.forgetWithdrawalCode(v.id);
  }

  private async invitedMember(token: string): Promise<MemberRow> {
    const m = await this.repository.memberByInviteToken(this.hashInviteToken(token));
    if (!m) throw ProblemException.notFound('Ce lien d’invitation ne correspond à aucun siège : vérifiez que vous avez copié tout le lien de l’e-mail.');
    return m;
  }

  private invitationDto(m: MemberRow): PanelInvitation {
    return { displayName: m.displayName, seatType: m.seatType, state: m.state, termStart: day(m.termStart), termEnd: day(m.termEnd), draw: m.draw?.reference ?? null, answeredAt: iso(m.answeredAt) };
  }

  async invitation(token: string): Promise<PanelInvitation> {
    return this.invitationDto(await this.invitedMember(token));
  }

  /** The volunteer's answer through their link: accepted → active, declined → resigned (the first substitute steps in). */
  async answerInvitation(actor: Actor, input: AnswerPanelInvitation, ip: string): Promise<PanelInvitation> {
    await this.rateLimits.consume(LIMITS.panelAnswersPerIp, ip);
    const found = await this.invitedMember(input.token);
    authorize(canOnAdvisoryPanel('advisory-panel.answer-invitation', { actor, member: { state: found.state } }));
    const transition: MemberTransition = input.answer === 'accept' ? 'activate' : 'resign';
    await this.repository.transaction(async (tx) => {
      await this.moveMember(tx, {
        lock: async (inner) => {
          const m = await this.repository.lockMember(inner, found.id);
          // Checked again under the lock: two answers at once, one wins.
          if (m) authorize(canOnAdvisoryPanel('advisory-panel.answer-invitation', { actor, member: { state: m.state } }));
          return m;
        },
        transition,
        reason: input.answer === 'accept' ? 'Siège accepté par la personne tirée au sort.' : 'Siège refusé par la personne tirée au sort.',
        actorId: null,
        by: 'volunteer',
      });
      await this.repository.setAnswered(tx, found.id, new Date());
    });
    return this.invitationDto((await this.repository.member(found.id))!);
  }

  // ———————————————————————————— terms and retention, by date

  /**
   * The dated job: members whose term's last day has come leave (active →
   * term_ended; an invitation never answered → resigned); their seats are to
   * fill by a new draw, substitutes do not step in (rotation renews the seats
   * by lot). Then pools past their retention date lose their undrawn
   * volunteers' contacts. Idempotent: the hourly run and the dated ones share it.
   */
  async applyDue(now = new Date()): Promise<{ termsEnded: number; contactsErased: number }> {
    let termsEnded = 0;
    let contactsErased = 0;
    for (const { id } of await this.repository.termsDue(now)) {
      await this.repository.transaction(async (tx) => {
        const m = await this.repository.lockMember(tx, id);
        if (!m || !termHasEnded(m.termEnd, now) || !(CURRENT_MEMBER_STATES as readonly string[]).includes(m.state)) return;
        await this.moveMember(tx, {
          lock: async () => m,
          transition: m.state === 'active' ? 'end_term' : 'resign',
          reason: m.state === 'active' ? `Mandat terminé le ${day(m.termEnd)}.` : `Invitation restée sans réponse jusqu’à la fin du mandat (${day(m.termEnd)}).`,
          actorId: null,
          by: 'schedule',
          substitutes: false,
        });
        termsEnded += 1;
      });
    }
    for (const { id } of await this.repository.poolsWithContactsDue(now)) {
      await this.repository.transaction(async (tx) => {
        const pool = await this.repository.lockPool(tx, id);
        if (!pool || pool.contactsErasedAt || !pool.contactsEraseAt || pool.contactsEraseAt > now) return;
        const erased = await this.repository.eraseUndrawnContacts(tx, id, now);
        await this.audit.record(tx, { actorId: null, action: 'panel-pool.contacts-erased', subjectType: 'panel-pool', subjectId: id, data: { erased } });
        contactsErased += erased;
      });
    }
    return { termsEnded, contactsErased };
  }

  // ———————————————————————————— calls for volunteers

  private callDto(actor: Actor, c: CallRow): CallDto {
    const facts = { reference: c.reference, state: c.state };
    return {
      reference: c.reference,
      title: c.title,
      description: c.description,
      state: c.state,
      categories: c.categories as unknown as PanelCategory[],
      openedAt: iso(c.openedAt),
      closedAt: iso(c.closedAt),
      answers: c.pool?._count.volunteers ?? 0,
      viewer: {
        can: permissionsFor(CALL_VIEWER_ACTIONS, (action) => (action === 'advisory-panel.answer-call' ? canOnAdvisoryPanel(action, { actor, call: facts }) : canOnAdvisoryPanel(action, { actor }))),
      },
    };
  }

  async calls(actor: Actor): Promise<CallDto[]> {
    const organizer = canOnAdvisoryPanel('advisory-panel.manage-calls', { actor }).allowed;
    return (await this.repository.calls(organizer ? ['draft', 'open', 'closed'] : ['open', 'closed'])).map((c) => this.callDto(actor, c));
  }

  async call(actor: Actor, reference: string): Promise<CallDto> {
    const call = await this.repository.call(reference);
    if (!call) throw ProblemException.notFound(`Aucun appel à volontaires ${reference}.`);
    authorize(canOnAdvisoryPanel('advisory-panel.view-call', { actor, call: { reference, state: call.state } }));
    return this.callDto(actor, call);
  }

  async createCall(actor: Actor, input: CreateCall): Promise<CallDto> {
    const organizer = authorize(canOnAdvisoryPanel('advisory-panel.manage-calls', { actor }));
    const call = await this.repository.transaction(async (tx) => {
      const categories = input.categories ?? (await this.rulesInForce(tx)).categories;
      const call = await this.repository.createCall(tx, { title: input.title, description: input.description, categories: categories as unknown as Prisma.InputJsonValue });
      await this.audit.record(tx, { actorId: organizer.id, action: 'panel-call.created', subjectType: 'panel-call', subjectId: call.id, data: { reference: call.reference, title: call.title } });
      return call;
    });
    return this.callDto(actor, call);
  }

  async changeCall(actor: Actor, reference: string, transition: CallTransition): Promise<CallDto> {
    const organizer = authorize(canOnAdvisoryPanel('advisory-panel.manage-calls', { actor }));
    await this.transitions.run({
      lifecycle: callLifecycle,
      transition,
      lock: (tx) => this.repository.lockCall(tx, reference),
      notFound: `Aucun appel à volontaires ${reference}.`,
      stateOf: (c) => c.state,
      refusal: (from) => callTransitionRefusal(transition, from),
      apply: async (tx, c, to) => {
        await this.repository.setCallState(tx, c.id, to, new Date());
      },
      audit: (c) => ({ actorId: organizer.id, action: transition === 'open' ? 'panel-call.opened' : 'panel-call.closed', subjectType: 'panel-call', subjectId: c.id, data: { reference: c.reference } }),
    });
    return this.call(actor, reference);
  }

  /** One code per letter (per household); the answer is the only place the codes exist in clear. */
  /** The answer parsed, or one 400 with every problem in the form's order, each question named by its label. */
  private answerOf(body: unknown, categories: readonly PanelCategory[]): AnswerCall {
    const parsed = AnswerCallSchema.safeParse(body, { error: plainFrenchIssue });
    const errors: FieldError[] = parsed.success ? [] : fieldErrorsFromZod(parsed.error);
    const raw = body !== null && typeof body === 'object' && 'values' in body ? (body as { values: unknown }).values : undefined;
    const given: Record<string, unknown> = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    for (const { category, label, values } of categories) {
      const path = `values.${category}`;
      if (errors.some((e) => e.path === path)) continue;
      const question = label || category;
      const value = given[category];
      if (value === undefined || value === '') errors.push({ path, code: 'missing', message: `Répondez à la question « ${question} ».` });
      else if (typeof value !== 'string' || !values.includes(value)) errors.push({ path, code: 'invalid_value', message: `Choisissez une des réponses proposées pour « ${question} » : ${values.join(', ')}.` });
    }
    for (const key of Object.keys(given)) {
      if (!categories.some((c) => c.category === key)) errors.push({ path: `values.${key}`, code: 'unrecognized_keys', message: `Cet appel ne pose pas la question « ${key} ».` });
    }
    if (errors.length > 0 || !parsed.success) {
      const order = ['invitationCode', ...categories.map((c) => `values.${c.category}`), 'displayName', 'displayMode', 'contactEmail'];
      const rank = (path: string) => (order.includes(path) ? order.indexOf(path) : order.length);
      throw ProblemException.validation(errors.sort((a, b) => rank(a.path) - rank(b.path)));
    }
    return parsed.data;
  }

  async createInvitations(actor: Actor, reference: string, count: number): Promise<{ call: string; codes: string[] }> {
    authorize(canOnAdvisoryPanel('advisory-panel.manage-calls', { actor }));
    const call = await this.repository.call(reference);
    if (!call) throw ProblemException.notFound(`Aucun appel à volontaires ${reference}.`);
    if (call.state === 'closed') throw ProblemException.ruleViolation('Cet appel est clos : il ne reçoit plus de réponses, inutile d’envoyer des lettres.');
    const codes = new Set<string>();
    while (codes.size < count) codes.add(newCode());
    await this.repository.createInvitations(
      call.id,
      [...codes].map((code) => ({ codeHash: this.hashCode(code), hint: code.slice(-4) })),
    );
    return { call: reference, codes: [...codes] };
  }

  /**
   * A volunteer's answer. The body is checked here, not by a pipe: its questions are the call's, and a person
   * filling in the form gets every problem in one round (the form's fields and the call's questions together).
   */
  async answerCall(actor: Actor, reference: string, body: unknown, ip: string): Promise<{ call: string; volunteer: string; withdrawToken: string }> {
    const call = await this.repository.call(reference);
    if (!call) throw ProblemException.notFound(`Aucun appel à volontaires ${reference}.`);
    authorize(canOnAdvisoryPanel('advisory-panel.answer-call', { actor, call: { reference, state: call.state } }));
    const categories = call.categories as unknown as PanelCategory[];
    const input = this.answerOf(body, categories);
    await this.rateLimits.consume(LIMITS.panelAnswersPerIp, ip);
    const values = Object.fromEntries(categories.map((c) => [c.category, input.values[c.category]!]));
    // The code to withdraw the answer until the pool is frozen: given once, here; only its HMAC is kept.
    const withdrawToken = randomBytes(32).toString('base64url');
    const publicId = await this.repository.transaction(async (tx) => {
      const invitation = await this.repository.lockInvitation(tx, this.hashCode(input.invitationCode));
      if (!invitation || invitation.callId !== call.id) {
        throw ProblemException.ruleViolation('Ce code ne correspond à aucune lettre de cet appel. Vérifiez les 12 caractères de votre lettre.', [
          { path: 'invitationCode', code: 'unknown', message: 'Code inconnu pour cet appel.' },
        ]);
      }
      if (invitation.volunteer) {
        throw ProblemException.conflict('Ce foyer a déjà répondu à cet appel : une seule réponse par lettre.', [{ path: 'invitationCode', code: 'used', message: 'Ce code a déjà servi.' }]);
      }
      const pool = await this.repository.lockPool(tx, call.pool!.id);
      const withdrawTokenHash = this.hashWithdrawToken(withdrawToken);
      const added = await this.repository.addVolunteer(tx, {
        poolId: pool!.id,
        invitationId: invitation.id,
        values,
        displayName: input.displayName,
        displayMode: input.displayMode,
        contactEmail: input.contactEmail,
        locale: input.locale,
        withdrawTokenHash,
        // Sealed to the code's own HMAC (tied to this answer), until the e-mail giving it is sent.
        withdrawCodeSealed: input.contactEmail ? this.sealWithdrawalCode(withdrawToken, withdrawTokenHash) : null,
      });
      // The code is e-mailed too (the confirmation page shows it once): the job names the volunteer, never the code.
      if (input.contactEmail) await this.jobs.enqueue(tx, WITHDRAWAL_CODE_JOB, { volunteerId: added.id });
      return added.publicId;
    });
    return { call: reference, volunteer: publicId, withdrawToken };
  }

  /**
   * A volunteer withdraws their answer with the code of its confirmation, until the pool is frozen for a draw:
   * then (409) they stay in its published file and decline the seat if drawn. Withdrawn, they leave every pool
   * file, list and count; their name, answers and contact are erased. Not in the journal: nothing public says who
   * withdrew. Withdrawing twice gives the same answer.
   */
  async withdrawVolunteer(actor: Actor, reference: string, input: WithdrawVolunteer, ip: string): Promise<VolunteerWithdrawal> {
    await this.rateLimits.consume(LIMITS.panelAnswersPerIp, ip);
    const call = await this.repository.call(reference);
    if (!call) throw ProblemException.notFound(`Aucun appel à volontaires ${reference}.`);
    authorize(canOnAdvisoryPanel('advisory-panel.withdraw-volunteer', { actor, call: { reference, state: call.state } }));
    const withdrawnAt = await this.repository.transaction(async (tx) => {
      // Under the pool's lock: a commitment, which freezes the pool, and a withdrawal do not cross.
      const pool = call.pool ? await this.repository.lockPool(tx, call.pool.id) : null;
      const volunteer = await this.repository.volunteerByWithdrawToken(tx, this.hashWithdrawToken(input.token));
      if (!pool || !volunteer || volunteer.poolId !== pool.id) {
        throw ProblemException.notFound('Ce code de retrait ne correspond à aucune réponse à cet appel : copiez tout le lien donné avec la confirmation de votre réponse.');
      }
      if (volunteer.withdrawnAt) return volunteer.withdrawnAt;
      const open = await this.repository.openDrawOf(tx, pool.id);
      const conflict = withdrawalConflict({ frozenBy: open?.reference ?? null, seated: volunteer.member ? { draw: volunteer.member.draw?.reference ?? null } : null });
      if (conflict) throw ProblemException.conflict(conflict.message, [{ path: 'token', code: conflict.code, message: conflict.message }]);
      const now = new Date();
      await this.repository.withdrawVolunteer(tx, volunteer.id, now);
      return now;
    });
    return { call: reference, withdrawnAt: withdrawnAt.toISOString() };
  }

  // ———————————————————————————— pools and quotas

  private poolSummary(p: PoolRow, households: number) {
    return {
      id: p.id,
      label: p.label,
      source: p.source,
      call: p.call?.reference ?? null,
      volunteers: p._count.volunteers,
      households,
      categories: p.categories as unknown as PanelCategory[],
      panelSize: p.panelSize,
      createdAt: p.createdAt.toISOString(),
    };
  }

  async pools(actor: Actor) {
    authorize(canOnAdvisoryPanel('advisory-panel.manage-pools', { actor }));
    const pools = await this.repository.pools();
    return Promise.all(pools.map(async (p) => this.poolSummary(p, await this.repository.countHouseholds(p.id))));
  }

  async pool(actor: Actor, id: string): Promise<PoolDetail> {
    authorize(canOnAdvisoryPanel('advisory-panel.manage-pools', { actor }));
    const pool = await this.repository.pool(id);
    if (!pool) throw ProblemException.notFound('Aucun vivier avec cet identifiant.');
    const [volunteers, seated, households] = await Promise.all([this.repository.volunteers(id), this.repository.seatedVolunteers(id), this.repository.countHouseholds(id)]);
    const seatedIds = new Set(seated.map((s) => s.volunteerId));
    const entries = this.entriesOf(volunteers);
    // Households appear as numbers, as in the published files.
    const published = respondentsCsv(entries, []).trim().split('\n').slice(1);
    return {
      ...this.poolSummary(pool, households),
      quotas: (pool.quotas as Quota[] | null) ?? [],
      feasibility: (pool.feasibility as Feasibility | null) ?? null,
      volunteersList: volunteers.map((v, i) => ({ id: v.publicId, household: published[i]!.split(',')[1] || null, values: v.values as Record<string, string>, drawn: seatedIds.has(v.id) })),
    };
  }

  private entriesOf(volunteers: { publicId: string; household: string | null; values: Prisma.JsonValue }[]): PoolEntry[] {
    return volunteers.map((v) => ({ id: v.publicId, household: v.household, values: v.values as Record<string, string> }));
  }

  async importPool(actor: Actor, input: ImportPool): Promise<PoolDetail> {
    const organizer = authorize(canOnAdvisoryPanel('advisory-panel.manage-pools', { actor }));
    const { entries, issues } = readPoolCsv(input.poolCsv, input.categories);
    if (issues.length > 0) {
      throw ProblemException.validation(
        issues.slice(0, 500).map((i) => ({ path: i.line ? `poolCsv.${i.line}` : 'poolCsv', code: i.code, message: i.message })),
        `Le fichier du vivier contient ${issues.length} problème${issues.length > 1 ? 's' : ''} : la liste donne chaque ligne.`,
      );
    }
    const id = await this.repository.importPool({
      label: input.label,
      categories: input.categories as unknown as Prisma.InputJsonValue,
      volunteers: entries.map((e) => ({ publicId: e.id, household: e.household, values: e.values as Prisma.InputJsonValue })),
    });
    await this.audit.recordAlone({ actorId: organizer.id, action: 'panel-pool.imported', subjectType: 'panel-pool', subjectId: id, data: { label: input.label, volunteers: entries.length } });
    return this.pool(actor, id);
  }

  /** The quotas, completed: every value of a category with a quota gets one (0..panel size when not given). */
  private completeQuotas(categories: readonly PanelCategory[], quotas: readonly Quota[], panelSize: number): Quota[] {
    const errors: FieldError[] = [];
    quotas.forEach((q, i) => {
      const category = categories.find((c) => c.category === q.category);
      if (!category) errors.push({ path: `quotas.${i}.category`, code: 'unknown', message: `Le vivier n’a pas de catégorie « ${q.category} ».` });
      else if (!category.values.includes(q.value)) errors.push({ path: `quotas.${i}.value`, code: 'unknown', message: `« ${q.value} » n’est pas une valeur de ${q.category} (${category.values.join(', ')}).` });
      if (quotas.findIndex((o) => o.category === q.category && o.value === q.value) !== i) errors.push({ path: `quotas.${i}`, code: 'duplicate', message: `Deux quotas pour ${q.category} = ${q.value}.` });
    });
    if (errors.length > 0) throw ProblemException.validation(errors);
    const used = categories.filter((c) => quotas.some((q) => q.category === c.category));
    return used.flatMap((c) => c.values.map((value) => quotas.find((q) => q.category === c.category && q.value === value) ?? { category: c.category, value, min: 0, max: panelSize }));
  }

  private async feasibility(entries: readonly PoolEntry[], quotas: readonly Quota[], panelSize: number): Promise<Feasibility> {
    const report = await checkFeasibility({ people: entries.map((e) => ({ id: e.id, household: e.household, values: e.values })), quotas, panelSize });
    return { feasible: report.feasible, reasons: report.reasons, violations: report.violations, seatsShort: report.seatsShort };
  }

  async setQuotas(actor: Actor, id: string, input: SetQuotas): Promise<PoolDetail> {
    const organizer = authorize(canOnAdvisoryPanel('advisory-panel.manage-pools', { actor }));
    const pool = await this.repository.pool(id);
    if (!pool) throw ProblemException.notFound('Aucun vivier avec cet identifiant.');
    const quotas = this.completeQuotas(pool.categories as unknown as PanelCategory[], input.quotas, input.panelSize);
    const report = await this.feasibility(this.entriesOf(await this.repository.volunteers(id)), quotas, input.panelSize);
    if (!report.feasible) throw infeasible(report, input.quotas);
    await this.repository.setQuotas(id, input.panelSize, quotas as unknown as Prisma.InputJsonValue, report as unknown as Prisma.InputJsonValue);
    await this.audit.recordAlone({ actorId: organizer.id, action: 'panel-pool.quotas-set', subjectType: 'panel-pool', subjectId: id, data: { panelSize: input.panelSize, quotas: quotas as unknown as JsonValue } });
    return this.pool(actor, id);
  }

  // ———————————————————————————— draws

  async commitDraw(actor: Actor, input: CommitDraw): Promise<PanelDrawDto> {
    const organizer = authorize(canOnAdvisoryPanel('advisory-panel.commit-draw', { actor }));
    const pool = await this.repository.pool(input.poolId);
    if (!pool) throw ProblemException.validation([{ path: 'poolId', code: 'unknown', message: 'Aucun vivier avec cet identifiant.' }]);
    if (!pool.quotas || !pool.panelSize) throw ProblemException.ruleViolation('Fixez d’abord les quotas et la taille du panel de ce vivier.');
    const categories = pool.categories as unknown as PanelCategory[];
    const rules = await this.rulesInForce();
    const seatsNow = async (tx?: PrismaTransaction) => this.citizenSeatsOf(rules.seats.drawnCitizens, await this.repository.citizenSeatFacts(tx));
    if (input.kind === 'initial' && input.panelSize !== undefined && input.panelSize !== pool.panelSize) {
      throw ProblemException.ruleViolation(`Un tirage initial désigne le panel fixé avec les quotas du vivier : ${pool.panelSize} personnes. Changez la taille du panel avec les quotas.`, [
        { path: 'panelSize', code: 'pool_panel_size', message: `La taille du panel de ce vivier est ${pool.panelSize}.` },
      ]);
    }
    // One draw of a pool at a time (its own seats are those it reserved).
    const running = await this.repository.openDrawOf(undefined, pool.id);
    if (running) throw ProblemException.conflict(`Le tirage ${running.reference} de ce vivier n’est pas terminé : tirez-le, ou annulez-le depuis sa page (avec la raison, publiée) pour publier un nouvel engagement.`);
    // Before anything is computed or published: no more people than the seats the draw may fill.
    const seats = await seatsNow();
    const panelSize = input.kind === 'replacement' ? (input.panelSize ?? seats.vacated) : pool.panelSize;
    const refused = seatsRefusal(input.kind, panelSize, seats);
    if (refused) throw refused;
    const volunteers = await this.repository.volunteers(pool.id);
    let entries = this.entriesOf(volunteers);
    let quotas = pool.quotas as unknown as Quota[];
    if (input.kind === 'replacement') {
      if (pool.contactsErasedAt && pool.source === 'call') {
        throw ProblemException.ruleViolation(
          `Les coordonnées des volontaires non tirés de ce vivier sont effacées depuis le ${day(pool.contactsErasedAt)} : personne ne pourrait prévenir les personnes tirées. Ouvrez un nouvel appel à volontaires.`,
        );
      }
      // The remaining pool: nobody who holds or held a seat, nobody from a sitting member's household.
      const seated = await this.repository.seatedVolunteers(pool.id);
      const sitting = seated.filter((s) => (CURRENT_MEMBER_STATES as readonly string[]).includes(s.state));
      const seatedIds = new Set(seated.map((s) => s.volunteerId));
      const households = new Set(sitting.map((s) => s.household).filter((h): h is string => h !== null));
      entries = this.entriesOf(volunteers.filter((v) => !seatedIds.has(v.id) && !(v.household && households.has(v.household))));
      if (input.quotas) quotas = this.completeQuotas(categories, input.quotas, panelSize);
      else {
        // The pool's quotas less the sitting drawn members who hold each value.
        quotas = quotas.map((q) => {
          const held = sitting.filter((s) => (s.values as Record<string, string>)[q.category] === q.value).length;
          return { ...q, min: Math.max(0, q.min - held), max: Math.min(panelSize, Math.max(0, q.max - held)) };
        });
      }
    }
    const report = await this.feasibility(entries, quotas, panelSize);
    if (!report.feasible) throw infeasible(report, quotas);
    const files = { respondentsCsv: respondentsCsv(entries, categories.map((c) => c.category)), categoriesCsv: categoriesCsv(quotas) };
    const draw = await this.repository.transaction(async (tx) => {
      // The rules' row serialises commitments and draws: the seats are counted again under its lock.
      await this.repository.lockCurrentRules(tx);
      // The pool's lock freezes it: nobody withdraws from now on; whoever withdrew meanwhile is not in the file.
      await this.repository.lockPool(tx, pool.id);
      const open = await this.repository.openDrawOf(tx, pool.id);
      if (open) throw ProblemException.conflict(`Le tirage ${open.reference} de ce vivier n’est pas terminé : tirez-le, ou annulez-le depuis sa page (avec la raison, publiée) pour publier un nouvel engagement.`);
      if ((await this.repository.countWithdrawnAmong(tx, pool.id, entries.map((e) => e.id))) > 0) {
        throw ProblemException.conflict('Un volontaire a retiré sa réponse pendant la préparation de ce tirage : publiez l’engagement à nouveau.');
      }
      const taken = seatsRefusal(input.kind, panelSize, await seatsNow(tx));
      if (taken) throw taken;
      const draw = await this.repository.createDraw(
        tx,
        {
          kind: input.kind,
          poolId: pool.id,
          panelSize,
          quotas: quotas as unknown as Prisma.InputJsonValue,
          respondentsCsv: files.respondentsCsv,
          categoriesCsv: files.categoriesCsv,
          poolSha256: sha256Hex(files.respondentsCsv),
          quotasSha256: sha256Hex(files.categoriesCsv),
          algorithm: PANEL_DRAW_ALGORITHM,
          lotterySize: PANEL_LOTTERY_SIZE,
        },
        input.witnesses,
      );
      await this.audit.record(tx, {
        actorId: organizer.id,
        action: 'panel-draw.committed',
        subjectType: 'panel-draw',
        subjectId: draw.id,
        data: {
          reference: draw.reference,
          kind: draw.kind,
          panelSize,
          poolSha256: draw.poolSha256,
          quotasSha256: draw.quotasSha256,
          algorithm: draw.algorithm,
          lotterySize: draw.lotterySize,
          seedHashes: input.witnesses.map((w) => w.seedHash),
        },
      });
      await this.jobs.enqueue(tx, COMPUTE_DRAW_JOB, { drawId: draw.id });
      return draw;
    });
    return this.drawDto(actor, draw);
  }

  /** The job: LEXIMIN and the 1 000 panels in a worker thread, progress stored as it goes, every panel checked. */
  async compute(drawId: string): Promise<void> {
    const draw = await this.repository.transaction(async (tx) => {
      const draw = await this.repository.lockDrawById(tx, drawId);
      if (!draw || !drawLifecycle.target('start_computing', draw.state)) return null;
      await this.repository.setDrawState(tx, draw.id, 'computing');
      return draw;
    });
    if (!draw) return;
    const files = { respondentsCsv: draw.respondentsCsv, categoriesCsv: draw.categoriesCsv };
    let lastWrite = 0;
    let pending: Promise<unknown> = Promise.resolve();
    let result: DrawComputation;
    // A draw cancelled meanwhile stops its worker: its progress no longer writes (the draw is not computing any more).
    const stop = new AbortController();
    try {
      result = await computeInWorker(
        { files, panelSize: draw.panelSize, lotterySize: draw.lotterySize },
        (progress) => {
          const now = Date.now();
          if (now - lastWrite < PROGRESS_EVERY_MS && progress.phase !== 'done') return;
          lastWrite = now;
          pending = pending.then(async () => {
            const { count } = await this.repository.setProgress(draw.id, { ...progress, updatedAt: new Date().toISOString() });
            if (count === 0) stop.abort();
          });
        },
        stop.signal,
      );
      await pending;
      // Independently of the solver and the worker: every panel against the published files.
      const problems = checkPanelsAgainstFiles(files, draw.panelSize, result.panels);
      if (problems.length > 0) throw new DrawComputationError('PanelCheckError', problems.slice(0, 5).join('; '));
      if (result.panels.length !== draw.lotterySize) throw new DrawComputationError('PanelCheckError', `${result.panels.length} panels, expected ${draw.lotterySize}`);
    } catch (error) {
      await pending;
      if (!(error instanceof DrawComputationError)) throw error;
      if (error.kind === STOPPED) {
        this.logger.log(`Draw ${draw.reference}: computation stopped (the draw is no longer computing).`);
        return;
      }
      this.logger.warn(`Draw ${draw.reference} failed: ${error.message}`);
      await this.repository.transaction(async (tx) => {
        // Cancelled meanwhile: the failure is not recorded over the cancellation.
        if (!(await this.stillComputing(tx, draw.id))) return;
        await this.repository.setDrawState(tx, draw.id, 'failed', { error: `${error.kind}: ${error.message}`.slice(0, 2000) });
        await this.audit.record(tx, { actorId: null, action: 'panel-draw.failed', subjectType: 'panel-draw', subjectId: draw.id, data: { reference: draw.reference, error: error.kind } });
      });
      return;
    }
    const { panels, ...stored } = result;
    await this.repository.transaction(async (tx) => {
      // Cancelled while it computed: the result is ignored.
      if (!(await this.stillComputing(tx, draw.id))) return;
      await this.repository.setDrawState(tx, draw.id, 'ready', {
        result: stored as unknown as Prisma.InputJsonValue,
        panels: panels as unknown as Prisma.InputJsonValue,
        minimum: result.minimum,
        lotteryMinimum: result.lotteryMinimum,
        computedAt: new Date(),
        progress: { phase: 'done', fixedUnits: 0, units: 0, panels: panels.length, elapsedMs: result.stats.elapsedMs ?? 0, updatedAt: new Date().toISOString() },
      });
      await this.audit.record(tx, {
        actorId: null,
        action: 'panel-draw.computed',
        subjectType: 'panel-draw',
        subjectId: draw.id,
        data: { reference: draw.reference, minimum: result.minimum, lotteryMinimum: result.lotteryMinimum, panelsSha256: sha256Hex(JSON.stringify(panels)) },
      });
    });
  }

  /** The draw locked, and whether it still computes (not cancelled meanwhile). */
  private async stillComputing(tx: PrismaTransaction, drawId: string): Promise<boolean> {
    return (await this.repository.lockDrawById(tx, drawId))?.state === 'computing';
  }

  private poolSizeOf(d: { respondentsCsv: string }): number {
    return Math.max(0, d.respondentsCsv.trim().split('\n').length - 1);
  }

  private drawDto(actor: Actor, d: DrawRow): PanelDrawDto {
    const facts = { reference: d.reference, state: d.state };
    const computed = d.state === 'ready' || d.state === 'drawn';
    const files = DRAW_FILES.filter((f) => computed || f !== 'panels.json');
    return {
      ...this.drawSummary(d),
      commitment: { poolSha256: d.poolSha256, quotasSha256: d.quotasSha256, panelSize: d.panelSize, lotterySize: d.lotterySize, algorithm: d.algorithm, committedAt: d.committedAt.toISOString() },
      quotas: d.quotas as unknown as Quota[],
      witnesses: d.witnesses.map((w) => ({ position: w.position, name: w.name, kind: w.kind as PanelDrawDto['witnesses'][number]['kind'], seedHash: w.seedHash, seed: w.seed, revealedAt: iso(w.revealedAt) })),
      progress: (d.progress as PanelDrawDto['progress']) ?? null,
      minimum: d.minimum,
      lotteryMinimum: d.lotteryMinimum,
      error: d.error,
      cancellation: d.state === 'cancelled' && d.cancelledAt ? { reason: d.cancelReason ?? '', cancelledAt: d.cancelledAt.toISOString() } : null,
      combinedSeed: d.combinedSeed,
      drawnIndex: d.drawnIndex,
      drawnPanel: (d.drawnPanel as string[] | null) ?? null,
      files: files.map((name) => ({ name, href: `${API_BASE}/draws/${d.reference}/files/${name}` })),
      viewer: { can: permissionsFor(DRAW_VIEWER_ACTIONS, (action) => canOnAdvisoryPanel(action, { actor, draw: facts })) },
    };
  }

  private async drawRow(reference: string): Promise<DrawRow> {
    const draw = await this.repository.draw(reference);
    if (!draw) throw ProblemException.notFound(`Aucun tirage ${reference}.`);
    return draw;
  }

  /** What a list of draws shows of each, and the first lines of a draw's page. */
  private drawSummary(d: Pick<DrawRow, 'reference' | 'kind' | 'state' | 'panelSize' | 'committedAt' | 'drawnAt'> & { respondentsCsv: string }) {
    return { reference: d.reference, kind: d.kind, state: d.state, panelSize: d.panelSize, poolSize: this.poolSizeOf(d), committedAt: d.committedAt.toISOString(), drawnAt: iso(d.drawnAt) };
  }

  async draws() {
    return (await this.repository.draws()).map((d) => this.drawSummary(d));
  }

  async draw(actor: Actor, reference: string): Promise<PanelDrawDto> {
    return this.drawDto(actor, await this.drawRow(reference));
  }

  async panels(actor: Actor, reference: string) {
    const d = await this.drawRow(reference);
    authorize(canOnAdvisoryPanel('advisory-panel.view-results', { actor, draw: { reference, state: d.state } }));
    return { reference, size: d.lotterySize, panels: d.panels as string[][], drawnIndex: d.drawnIndex };
  }

  async report(actor: Actor, reference: string): Promise<PanelDrawReport> {
    const d = await this.drawRow(reference);
    authorize(canOnAdvisoryPanel('advisory-panel.view-results', { actor, draw: { reference, state: d.state } }));
    const result = d.result as unknown as StoredResult;
    const drawn = (d.drawnPanel as string[] | null) ?? null;
    const drawnSet = drawn ? new Set(drawn) : null;
    const dto = this.drawDto(actor, d);
    return {
      reference,
      state: d.state,
      algorithm: d.algorithm,
      poolSize: result.ids.length,
      panelSize: d.panelSize,
      minimum: result.minimum,
      lotteryMinimum: result.lotteryMinimum,
      maxDeviation: result.maxUnitDeviation,
      probabilities: result.ids.map((id, i) => ({ id, probability: result.probabilities[i]!, lottery: result.lotteryProbabilities[i]!, drawn: drawnSet ? drawnSet.has(id) : null })),
      quotaTable: quotaTable({ respondentsCsv: d.respondentsCsv, categoriesCsv: d.categoriesCsv }, d.panelSize, result.probabilities, drawn),
      commitment: dto.commitment,
      witnesses: dto.witnesses,
      combinedSeed: d.combinedSeed,
      drawnIndex: d.drawnIndex,
      drawnPanel: drawn,
    };
  }

  /** The published files (open data): the pool and quotas from the commitment on, the panels once computed. */
  async file(actor: Actor, reference: string, name: (typeof DRAW_FILES)[number]): Promise<{ contentType: string; body: string }> {
    const d = await this.drawRow(reference);
    if (name === 'respondents.csv') return { contentType: 'text/csv; charset=utf-8', body: d.respondentsCsv };
    if (name === 'categories.csv') return { contentType: 'text/csv; charset=utf-8', body: d.categoriesCsv };
    if (name === 'draw.json') {
      const manifest: DrawManifest = {
        reference: d.reference,
        kind: d.kind,
        algorithm: d.algorithm,
        panelSize: d.panelSize,
        lotterySize: d.lotterySize,
        poolSha256: d.poolSha256,
        quotasSha256: d.quotasSha256,
        witnesses: d.witnesses.map((w) => ({ position: w.position, name: w.name, kind: w.kind as DrawManifest['witnesses'][number]['kind'], seedHash: w.seedHash, seed: w.seed })),
        combinedSeed: d.combinedSeed,
        drawnIndex: d.drawnIndex,
        drawnPanel: (d.drawnPanel as string[] | null) ?? null,
      };
      return { contentType: 'application/json; charset=utf-8', body: `${JSON.stringify(manifest, null, 2)}\n` };
    }
    authorize(canOnAdvisoryPanel('advisory-panel.view-results', { actor, draw: { reference, state: d.state } }));
    return { contentType: 'application/json; charset=utf-8', body: `${JSON.stringify({ reference, size: d.lotterySize, panels: d.panels }, null, 0)}\n` };
  }

  async revealSeed(actor: Actor, reference: string, witness: number, seed: string): Promise<PanelDrawDto> {
    const organizer = authorize(canOnAdvisoryPanel('advisory-panel.commit-draw', { actor }));
    await this.repository.transaction(async (tx) => {
      const d = await this.repository.lockDraw(tx, reference);
      if (!d) throw ProblemException.notFound(`Aucun tirage ${reference}.`);
      if (d.state === 'cancelled') throw cancelledConflict(d);
      authorize(canOnAdvisoryPanel('advisory-panel.reveal-seed', { actor, draw: { reference, state: d.state } }));
      const w = d.witnesses.find((x) => x.position === witness);
      if (!w) throw ProblemException.validation([{ path: 'witness', code: 'unknown', message: `Ce tirage a ${d.witnesses.length} témoins : choisissez entre 1 et ${d.witnesses.length}.` }]);
      if (sha256Hex(seed) !== w.seedHash) {
        throw ProblemException.ruleViolation(`La graine révélée par ${w.name} ne correspond pas à son engagement (SHA-256 ${w.seedHash}).`, [
          { path: 'seed', code: 'seed_mismatch', message: 'Cette graine ne correspond pas à l’empreinte publiée avant le tirage.' },
        ]);
      }
      if (w.seed !== null) return;
      await this.repository.revealSeed(tx, d.id, witness, seed, new Date());
      await this.audit.record(tx, { actorId: organizer.id, action: 'panel-draw.seed-revealed', subjectType: 'panel-draw', subjectId: d.id, data: { reference, witness, name: w.name, seed } });
    });
    return this.draw(actor, reference);
  }

  /** The draw itself: once, from every revealed seed; the drawn become invited members. */
  async drawPanel(actor: Actor, reference: string): Promise<PanelDrawDto> {
    const organizer = authorize(canOnAdvisoryPanel('advisory-panel.commit-draw', { actor }));
    await this.repository.transaction(async (tx) => {
      const d = await this.repository.lockDraw(tx, reference);
      if (!d) throw ProblemException.notFound(`Aucun tirage ${reference}.`);
      if (d.state === 'drawn') throw ProblemException.conflict(`Le tirage ${reference} a déjà eu lieu : on ne tire qu’une fois.`);
      if (d.state === 'cancelled') throw cancelledConflict(d);
      authorize(canOnAdvisoryPanel('advisory-panel.draw', { actor, draw: { reference, state: d.state } }));
      const missing = d.witnesses.filter((w) => w.seed === null);
      if (missing.length > 0) {
        throw ProblemException.ruleViolation(
          `Il manque la graine de ${missing.map((w) => w.name).join(', ')}.`,
          missing.map((w) => ({ path: `witnesses.${w.position}`, code: 'seed_missing', message: `La graine de ${w.name} n’est pas révélée.` })),
        );
      }
      // The seats are counted again before drawing: they may have been taken since the commitment.
      const rules = await this.lockedRules(tx);
      const seatFacts = await this.repository.citizenSeatFacts(tx, d.id);
      const refused = seatsRefusal(d.kind, d.panelSize, this.citizenSeatsOf(rules.seats.drawnCitizens, seatFacts), true);
      if (refused) throw refused;
      let outcome: { combinedSeed: string; index: number };
      try {
        outcome = drawFromSeeds(
          d.witnesses.map((w) => w.seedHash),
          d.witnesses.map((w) => w.seed!),
          d.lotterySize,
        );
      } catch (error) {
        if (error instanceof SeedMismatchError) throw ProblemException.ruleViolation(error.message);
        throw error;
      }
      const panels = d.panels as string[][];
      const drawn = panels[outcome.index]!;
      const problems = checkPanelsAgainstFiles({ respondentsCsv: d.respondentsCsv, categoriesCsv: d.categoriesCsv }, d.panelSize, [drawn]);
      if (problems.length > 0) throw new Error(`drawn panel breaks the quotas: ${problems.join('; ')}`);
      const now = new Date();
      await this.repository.setDrawState(tx, d.id, 'drawn', { combinedSeed: outcome.combinedSeed, drawnIndex: outcome.index, drawnPanel: drawn, drawnAt: now });
      // The drawn volunteers are invited to the citizens' seats, for a term from today (by thirds under rotation, for a first draw).
      const termStart = new Date(`${day(now)}T00:00:00Z`);
      const volunteers = await this.repository.volunteersByPublicId(d.poolId, drawn, tx);
      const byId = new Map(volunteers.map((v) => [v.publicId, v]));
      // An initial draw's people serve a whole term (by thirds under rotation); a replacement draw's take the vacated seats,
      // one each (the most recently vacated first, in the order the combined seed gives), for the rest of each seat's term.
      const terms: { id: string; third: number | null; termEnd: Date; seat?: string | null }[] =
        d.kind === 'replacement'
          ? replacementTerms({
              drawn,
              combinedSeed: outcome.combinedSeed,
              termStart,
              termMonths: rules.termMonths,
              seats: seatFacts.vacated.map((v) => ({ memberId: v.id, termEnd: v.termEnd, third: v.rotationThird })),
            })
          : assignTerms({ drawn, combinedSeed: outcome.combinedSeed, termStart, termMonths: rules.termMonths, rotationByThirds: rules.rotationByThirds });
      // Nothing public may follow the draw's order (the pool's): members are created in a random order, with random
      // (v4) ids, and a volunteer of an imported pool, who gave no name, gets a number in that random order.
      let unnamed = await this.repository.countMembersNamed(tx, UNNAMED_MEMBER_PREFIX);
      for (const term of shuffled(terms)) {
        const v = byId.get(term.id)!;
        const named = v.displayName && v.displayName !== v.publicId;
        const member = await this.repository.createMember(tx, {
          id: randomUUID(),
          seatType: 'drawn_citizen',
          position: 'titular',
          displayName: named ? v.displayName! : `${UNNAMED_MEMBER_PREFIX}${(unnamed += 1)}`,
          displayMode: v.displayMode,
          termStart,
          termEnd: term.termEnd,
          rotationThird: term.third,
          volunteerId: v.id,
          drawId: d.id,
          replacesId: term.seat ?? null,
        });
        // Each drawn volunteer who left a contact is e-mailed the link to accept their seat.
        if (v.contactEmail) await this.jobs.enqueue(tx, INVITE_MEMBER_JOB, { memberId: member.id });
      }
      // The dated job ends each third's terms on its day.
      for (const at of new Set(terms.map((t) => t.termEnd.getTime()))) await this.jobs.enqueue(tx, DUE_JOB, { reason: 'term-end' }, new Date(at));
      // The undrawn volunteers' contacts are kept for replacement draws, then erased (from the pool's first draw).
      const eraseAt = contactsEraseAt(now);
      if ((await this.repository.planContactsErasure(tx, d.poolId, eraseAt)).count > 0) await this.jobs.enqueue(tx, DUE_JOB, { reason: 'contacts' }, eraseAt);
      await this.audit.record(tx, {
        actorId: organizer.id,
        action: 'panel-draw.drawn',
        subjectType: 'panel-draw',
        subjectId: d.id,
        data: {
          reference,
          combinedSeed: outcome.combinedSeed,
          drawnIndex: outcome.index,
          drawnPanel: drawn,
          terms: terms.map((t) => ({ volunteer: t.id, third: t.third, termEnd: day(t.termEnd) })),
        },
      });
    });
    return this.draw(actor, reference);
  }

  /**
   * An organizer cancels a draw not drawn yet (committed, computing or ready), with a public reason: the draw ends
   * (cancelled), its seats are no longer reserved and its pool is free for a new commitment; a computation under way
   * stops (its progress no longer writes) and its result is ignored. Drawn, failed or cancelled already: 409.
   */
  async cancelDraw(actor: Actor, reference: string, reason: string): Promise<PanelDrawDto> {
    const organizer = authorize(canOnAdvisoryPanel('advisory-panel.commit-draw', { actor }));
    await this.transitions.run({
      lifecycle: drawLifecycle,
      transition: 'cancel',
      lock: async (tx) => {
        // The draw's lock, taken first as the draw itself does: a cancellation and a draw do not cross.
        const d = await this.repository.lockDraw(tx, reference);
        if (d && (FINISHED_DRAW_STATES as readonly string[]).includes(d.state)) {
          if (d.state === 'cancelled') throw cancelledConflict(d);
          const message = d.state === 'drawn' ? `Le tirage ${reference} a déjà eu lieu : il ne s’annule plus.` : `Le tirage ${reference} est en échec : il est déjà terminé.`;
          throw ProblemException.conflict(message, [{ path: 'reference', code: `draw_${d.state}`, message }]);
        }
        if (d) authorize(canOnAdvisoryPanel('advisory-panel.cancel-draw', { actor, draw: { reference, state: d.state } }));
        return d;
      },
      notFound: `Aucun tirage ${reference}.`,
      stateOf: (d) => d.state,
      refusal: (from) => `Un tirage ${DRAW_STATE_NAMES_FR[from]} ne s’annule pas.`,
      apply: async (tx, d, to) => {
        await this.repository.setDrawState(tx, d.id, to, { cancelReason: reason, cancelledAt: new Date() });
      },
      audit: (d) => ({ actorId: organizer.id, action: 'panel-draw.cancelled', subjectType: 'panel-draw', subjectId: d.id, data: { reference: d.reference, from: d.state, reason } }),
    });
    return this.draw(actor, reference);
  }
}

/** A draw that has been cancelled: nothing more happens to it (409). */
function cancelledConflict(d: { reference: string; cancelReason: string | null }): ProblemException {
  const message = `Le tirage ${d.reference} est annulé${d.cancelReason ? ` (« ${d.cancelReason} »)` : ''} : il ne se tire plus et ses graines ne se révèlent plus.`;
  return ProblemException.conflict(message, [{ path: 'reference', code: 'draw_cancelled', message }]);
}

/** What `computeInWorker` rejects with when the draw stopped computing (cancelled). */
const STOPPED = 'ComputationStopped';

/** How a drawn volunteer of an imported pool (no name given) is shown: « Membre tiré au sort n° 3 », never their pool id. */
export const UNNAMED_MEMBER_PREFIX = 'Membre tiré au sort n° ';
/** What remains of a drawn person who declined their seat (or was removed before answering). */
export const DECLINED_SEAT_NAME = 'Siège non accepté';

/** Fisher–Yates with the system's random source. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The public lists: by seat type, substitutes' rank, then display name (pending seats last, by their random id), never by creation. */
function publicOrder(members: PanelMember[]): PanelMember[] {
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  return members.sort(
    (a, b) =>
      SEAT_TYPES.indexOf(a.seatType) - SEAT_TYPES.indexOf(b.seatType) ||
      (a.substituteRank ?? 0) - (b.substituteRank ?? 0) ||
      (a.displayName === null ? 1 : 0) - (b.displayName === null ? 1 : 0) ||
      collator.compare(a.displayName ?? a.id, b.displayName ?? b.id),
  );
}
