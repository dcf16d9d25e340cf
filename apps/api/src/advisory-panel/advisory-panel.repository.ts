import { Injectable } from '@nestjs/common';
import type { Locale } from '@sesame/domain';
import type { Prisma } from '../generated/prisma/client';
import type {
  AdvisoryPanelCall,
  AdvisoryPanelDraw,
  AdvisoryPanelDrawWitness,
  AdvisoryPanelMember,
  AdvisoryPanelPool,
  AdvisoryPanelRules,
  AdvisoryPanelVolunteer,
  PanelCallState,
  PanelDrawState,
  PanelMemberState,
} from '../generated/prisma/client';
import { nextReference, type ReferenceSeries } from '../common/references.repository';
import { PrismaService, type PrismaTransaction } from '../prisma/prisma.service';

/** Draws: TS-2027-001…; calls for volunteers: AV-2027-001… */
export const DRAW_REFERENCES: ReferenceSeries = { prefix: 'TS-', table: 'advisory_panel_draws', lock: 'panelDrawReferences' };
export const CALL_REFERENCES: ReferenceSeries = { prefix: 'AV-', table: 'advisory_panel_calls', lock: 'panelCallReferences' };

export type MemberRow = AdvisoryPanelMember & {
  draw: { reference: string } | null;
  volunteer: { publicId: string; contactEmail: string | null } | null;
  /** The seat taken, when it was another member's: its term's end tells whether this one serves the rest of it. */
  replaces: { termEnd: Date } | null;
};
export type CallRow = AdvisoryPanelCall & { pool: { id: string; _count: { volunteers: number } } | null };
export type PoolRow = AdvisoryPanelPool & { call: { reference: string } | null; _count: { volunteers: number } };
export type DrawRow = AdvisoryPanelDraw & { witnesses: AdvisoryPanelDrawWitness[] };
/** A seat a drawn citizen left (resigned, declined, replaced, term ended) that nobody took since. */
export type VacatedSeatRow = { id: string; termEnd: Date; rotationThird: number | null; leftAt: Date | null };
export type { AdvisoryPanelRules as RulesRow, AdvisoryPanelVolunteer as VolunteerRow };

const memberLinks = { draw: { select: { reference: true } }, volunteer: { select: { publicId: true, contactEmail: true } }, replaces: { select: { termEnd: true } } } as const;
/** Volunteers counted: those who did not withdraw (nothing says how many did). */
const countedVolunteers = { volunteers: { where: { withdrawnAt: null } } } as const;
const callLinks = { pool: { select: { id: true, _count: { select: countedVolunteers } } } } as const;
const poolLinks = { call: { select: { reference: true } }, _count: { select: countedVolunteers } } as const;
const drawLinks = { witnesses: { orderBy: { position: 'asc' } } } as const;

/** The advisory panel's tables: the only file of the feature that touches Prisma. */
@Injectable()
export class AdvisoryPanelRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: PrismaTransaction) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  // ——— rules ———
  currentRules(tx: PrismaTransaction = this.prisma): Promise<AdvisoryPanelRules | null> {
    return tx.advisoryPanelRules.findFirst({ orderBy: { version: 'desc' } });
  }
  /** The rules in force, locked: seating members under their seat counts is serialised on it. */
  async lockCurrentRules(tx: PrismaTransaction): Promise<AdvisoryPanelRules | null> {
    await tx.$queryRaw`SELECT version FROM advisory_panel_rules WHERE version = (SELECT max(version) FROM advisory_panel_rules) FOR UPDATE`;
    return this.currentRules(tx);
  }
  rulesVersions(): Promise<AdvisoryPanelRules[]> {
    return this.prisma.advisoryPanelRules.findMany({ orderBy: { version: 'desc' } });
  }
  async publishRules(tx: PrismaTransaction, rules: Prisma.InputJsonValue, changeNote: string): Promise<AdvisoryPanelRules> {
    // Serialises publications: the version number is the primary key.
    await tx.$executeRaw`LOCK TABLE advisory_panel_rules IN EXCLUSIVE MODE`;
    const last = await tx.advisoryPanelRules.findFirst({ orderBy: { version: 'desc' }, select: { version: true } });
    return tx.advisoryPanelRules.create({ data: { version: (last?.version ?? 0) + 1, rules, changeNote } });
  }

  // ——— members ———
  members(states?: readonly PanelMemberState[]): Promise<MemberRow[]> {
    return this.prisma.advisoryPanelMember.findMany({
      where: states ? { state: { in: [...states] } } : {},
      include: memberLinks,
      orderBy: [{ seatType: 'asc' }, { position: 'asc' }, { substituteRank: 'asc' }, { createdAt: 'asc' }],
    });
  }
  lockMember(tx: PrismaTransaction, id: string): Promise<MemberRow | null> {
    return tx.$queryRaw`SELECT id FROM advisory_panel_members WHERE id = ${id}::uuid FOR UPDATE`.then(() => tx.advisoryPanelMember.findUnique({ where: { id }, include: memberLinks }));
  }
  member(id: string): Promise<MemberRow | null> {
    return this.prisma.advisoryPanelMember.findUnique({ where: { id }, include: memberLinks });
  }
  createMember(tx: PrismaTransaction, data: Prisma.AdvisoryPanelMemberUncheckedCreateInput): Promise<MemberRow> {
    return tx.advisoryPanelMember.create({ data, include: memberLinks });
  }
  renameMember(tx: PrismaTransaction, id: string, displayName: string): Promise<unknown> {
    return tx.advisoryPanelMember.update({ where: { id }, data: { displayName } });
  }
  countMembersNamed(tx: PrismaTransaction, prefix: string): Promise<number> {
    return tx.advisoryPanelMember.count({ where: { displayName: { startsWith: prefix } } });
  }
  setMemberState(tx: PrismaTransaction, id: string, state: PanelMemberState, reason: string, leftAt: Date | null): Promise<unknown> {
    return tx.advisoryPanelMember.update({ where: { id }, data: { state, reason, leftAt } });
  }
  /** Erases the private contact a drawn volunteer gave with their answer (once they have been reached). */
  eraseVolunteerContact(tx: PrismaTransaction, volunteerId: string): Promise<unknown> {
    return tx.advisoryPanelVolunteer.update({ where: { id: volunteerId }, data: { contactEmail: null, withdrawCodeSealed: null } });
  }
  /** The first substitute (lowest rank) of a seat type who still holds a place. */
  firstSubstitute(tx: PrismaTransaction, seatType: AdvisoryPanelMember['seatType']): Promise<AdvisoryPanelMember | null> {
    return tx.advisoryPanelMember.findFirst({ where: { seatType, position: 'substitute', state: { in: ['invited', 'active'] } }, orderBy: [{ substituteRank: 'asc' }, { createdAt: 'asc' }] });
  }
  /** A substitute takes the seat `replacesId` left. */
  stepIn(tx: PrismaTransaction, id: string, replacesId: string): Promise<unknown> {
    return tx.advisoryPanelMember.update({ where: { id }, data: { position: 'titular', substituteRank: null, replacesId } });
  }
  async nextSubstituteRank(tx: PrismaTransaction, seatType: AdvisoryPanelMember['seatType']): Promise<number> {
    const last = await tx.advisoryPanelMember.aggregate({ where: { seatType, position: 'substitute' }, _max: { substituteRank: true } });
    return (last._max.substituteRank ?? 0) + 1;
  }
  /** Volunteers of a pool who hold or held a seat (not drawn again by a replacement draw). */
  async seatedVolunteers(poolId: string): Promise<{ volunteerId: string; state: PanelMemberState; values: Prisma.JsonValue; household: string | null }[]> {
    const rows = await this.prisma.advisoryPanelMember.findMany({ where: { volunteer: { poolId } }, select: { volunteerId: true, state: true, volunteer: { select: { values: true, household: true } } } });
    return rows.map((r) => ({ volunteerId: r.volunteerId!, state: r.state, values: r.volunteer!.values, household: r.volunteer!.household }));
  }
  /** A drawn member's invitation: what the e-mail needs (their contact, pool number, language and pool's source, draw). */
  memberToInvite(id: string) {
    return this.prisma.advisoryPanelMember.findUnique({
      where: { id },
      include: { draw: { select: { reference: true } }, volunteer: { select: { publicId: true, contactEmail: true, locale: true, pool: { select: { source: true } } } } },
    });
  }
  setInvitationSent(tx: PrismaTransaction, id: string, inviteTokenHash: string, at: Date): Promise<unknown> {
    return tx.advisoryPanelMember.updateMany({ where: { id, state: 'invited' }, data: { inviteTokenHash, invitationSentAt: at } });
  }
  memberByInviteToken(inviteTokenHash: string, tx: PrismaTransaction = this.prisma): Promise<MemberRow | null> {
    return tx.advisoryPanelMember.findUnique({ where: { inviteTokenHash }, include: memberLinks });
  }
  setAnswered(tx: PrismaTransaction, id: string, at: Date): Promise<unknown> {
    return tx.advisoryPanelMember.update({ where: { id }, data: { answeredAt: at } });
  }
  /** Members still seated (or invited) whose term's last day has come. */
  termsDue(today: Date): Promise<{ id: string }[]> {
    return this.prisma.advisoryPanelMember.findMany({ where: { state: { in: ['invited', 'active'] }, termEnd: { lte: today } }, select: { id: true }, orderBy: { termEnd: 'asc' } });
  }
  /** Pools whose undrawn volunteers' contacts are due for erasure. */
  poolsWithContactsDue(now: Date): Promise<{ id: string }[]> {
    return this.prisma.advisoryPanelPool.findMany({ where: { contactsEraseAt: { lte: now }, contactsErasedAt: null }, select: { id: true } });
  }
  /** Sets when a pool's undrawn contacts go (at its first draw only). */
  planContactsErasure(tx: PrismaTransaction, poolId: string, at: Date): Promise<{ count: number }> {
    return tx.advisoryPanelPool.updateMany({ where: { id: poolId, contactsEraseAt: null }, data: { contactsEraseAt: at } });
  }
  /** Erases the contacts of the pool's volunteers who were never seated; drawn ones follow their invitation (erased once they answer). */
  async eraseUndrawnContacts(tx: PrismaTransaction, poolId: string, at: Date): Promise<number> {
    const { count } = await tx.advisoryPanelVolunteer.updateMany({ where: { poolId, member: { is: null }, contactEmail: { not: null } }, data: { contactEmail: null, withdrawCodeSealed: null } });
    await tx.advisoryPanelPool.update({ where: { id: poolId }, data: { contactsErasedAt: at } });
    return count;
  }
  /** Members holding (or offered) a place of this type and position now. */
  countSeated(tx: PrismaTransaction, seatType: AdvisoryPanelMember['seatType'], position: AdvisoryPanelMember['position']): Promise<number> {
    return tx.advisoryPanelMember.count({ where: { seatType, position, state: { in: ['invited', 'active'] } } });
  }
  /**
   * What the citizens' seats rules need (advisory-panel.seats.ts): drawn-citizen titulars seated or invited,
   * seats promised to draws on their way (but `exceptDrawId`), and the seats drawn citizens left that nobody
   * took since, the most recently vacated first.
   */
  async citizenSeatFacts(tx: PrismaTransaction = this.prisma, exceptDrawId?: string): Promise<{ held: number; reserved: number; vacated: VacatedSeatRow[] }> {
    const held = await tx.advisoryPanelMember.count({ where: { seatType: 'drawn_citizen', position: 'titular', state: { in: ['invited', 'active'] } } });
    const open = await tx.advisoryPanelDraw.aggregate({
      where: { state: { in: ['committed', 'computing', 'ready'] }, ...(exceptDrawId ? { id: { not: exceptDrawId } } : {}) },
      _sum: { panelSize: true },
    });
    const vacated = await tx.advisoryPanelMember.findMany({
      where: { seatType: 'drawn_citizen', position: 'titular', state: { in: ['resigned', 'replaced', 'term_ended'] }, replacedBy: { is: null } },
      select: { id: true, termEnd: true, rotationThird: true, leftAt: true },
      orderBy: [{ leftAt: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
    });
    return { held, reserved: open._sum.panelSize ?? 0, vacated };
  }

  // ——— calls ———
  calls(states: readonly PanelCallState[]): Promise<CallRow[]> {
    return this.prisma.advisoryPanelCall.findMany({ where: { state: { in: [...states] } }, include: callLinks, orderBy: { createdAt: 'desc' } });
  }
  call(reference: string): Promise<CallRow | null> {
    return this.prisma.advisoryPanelCall.findUnique({ where: { reference }, include: callLinks });
  }
  lockCall(tx: PrismaTransaction, reference: string): Promise<CallRow | null> {
    return tx.$queryRaw`SELECT id FROM advisory_panel_calls WHERE reference = ${reference} FOR UPDATE`.then(() => tx.advisoryPanelCall.findUnique({ where: { reference }, include: callLinks }));
  }
  async createCall(tx: PrismaTransaction, data: { title: string; description: string; categories: Prisma.InputJsonValue }): Promise<CallRow> {
    const reference = await nextReference(tx, CALL_REFERENCES, new Date().getUTCFullYear());
    const call = await tx.advisoryPanelCall.create({ data: { ...data, reference } });
    await tx.advisoryPanelPool.create({ data: { label: data.title.slice(0, 120), source: 'call', callId: call.id, categories: data.categories } });
    return (await tx.advisoryPanelCall.findUnique({ where: { id: call.id }, include: callLinks }))!;
  }
  setCallState(tx: PrismaTransaction, id: string, state: PanelCallState, at: Date): Promise<unknown> {
    return tx.advisoryPanelCall.update({ where: { id }, data: state === 'open' ? { state, openedAt: at } : { state, closedAt: at } });
  }
  createInvitations(callId: string, codes: { codeHash: string; hint: string }[]): Promise<unknown> {
    return this.prisma.advisoryPanelInvitation.createMany({ data: codes.map((c) => ({ ...c, callId })) });
  }
  /** The invitation with this code hash, locked (one answer per letter). */
  lockInvitation(tx: PrismaTransaction, codeHash: string): Promise<({ id: string; callId: string; volunteer: { id: string } | null }) | null> {
    return tx.$queryRaw`SELECT id FROM advisory_panel_invitations WHERE code_hash = ${codeHash} FOR UPDATE`.then(() =>
      tx.advisoryPanelInvitation.findUnique({ where: { codeHash }, select: { id: true, callId: true, volunteer: { select: { id: true } } } }),
    );
  }

  // ——— pools and volunteers ———
  pools(): Promise<PoolRow[]> {
    return this.prisma.advisoryPanelPool.findMany({ include: poolLinks, orderBy: { createdAt: 'desc' } });
  }
  pool(id: string, tx: PrismaTransaction = this.prisma): Promise<PoolRow | null> {
    return tx.advisoryPanelPool.findUnique({ where: { id }, include: poolLinks });
  }
  lockPool(tx: PrismaTransaction, id: string): Promise<PoolRow | null> {
    return tx.$queryRaw`SELECT id FROM advisory_panel_pools WHERE id = ${id}::uuid FOR UPDATE`.then(() => this.pool(id, tx));
  }
  /** The pool's volunteers, without those who withdrew (never in a pool file, a list or a count). */
  volunteers(poolId: string, tx: PrismaTransaction = this.prisma): Promise<AdvisoryPanelVolunteer[]> {
    return tx.advisoryPanelVolunteer.findMany({ where: { poolId, withdrawnAt: null }, orderBy: [{ createdAt: 'asc' }, { publicId: 'asc' }] });
  }
  /** How many of these volunteers withdrew (a commitment checks its file under the pool's lock). */
  countWithdrawnAmong(tx: PrismaTransaction, poolId: string, publicIds: string[]): Promise<number> {
    return tx.advisoryPanelVolunteer.count({ where: { poolId, publicId: { in: publicIds }, withdrawnAt: { not: null } } });
  }
  /** The answer a withdrawal code stands for: its pool, whether it was withdrawn, the seat a draw gave it. */
  volunteerByWithdrawToken(tx: PrismaTransaction, withdrawTokenHash: string) {
    return tx.advisoryPanelVolunteer.findUnique({
      where: { withdrawTokenHash },
      select: { id: true, poolId: true, withdrawnAt: true, member: { select: { draw: { select: { reference: true } } } } },
    });
  }
  /** Withdrawn: left out of every pool file, list and count; the name, the answers and the contact erased (the letter stays used). */
  withdrawVolunteer(tx: PrismaTransaction, id: string, at: Date): Promise<unknown> {
    return tx.advisoryPanelVolunteer.update({ where: { id }, data: { withdrawnAt: at, displayName: null, contactEmail: null, withdrawCodeSealed: null, values: {} } });
  }
  /** What the e-mail giving a volunteer their withdrawal code needs: the sealed code (until sent), their contact, the call. */
  volunteerToMailWithdrawalCode(id: string) {
    return this.prisma.advisoryPanelVolunteer.findUnique({
      where: { id },
      select: { id: true, publicId: true, contactEmail: true, locale: true, withdrawnAt: true, withdrawTokenHash: true, withdrawCodeSealed: true, pool: { select: { call: { select: { reference: true, title: true } } } } },
    });
  }
  /** Once the e-mail is sent (or can no longer be), the sealed code goes: only the code's HMAC stays. */
  forgetWithdrawalCode(id: string): Promise<{ count: number }> {
    return this.prisma.advisoryPanelVolunteer.updateMany({ where: { id, withdrawCodeSealed: { not: null } }, data: { withdrawCodeSealed: null } });
  }
  volunteersByPublicId(poolId: string, publicIds: string[], tx: PrismaTransaction = this.prisma): Promise<AdvisoryPanelVolunteer[]> {
    return tx.advisoryPanelVolunteer.findMany({ where: { poolId, publicId: { in: publicIds } } });
  }
  countHouseholds(poolId: string): Promise<number> {
    return this.prisma.$queryRaw<{ n: number }[]>`
      SELECT (count(DISTINCT household) + count(*) FILTER (WHERE household IS NULL))::int AS n FROM advisory_panel_volunteers
      WHERE pool_id = ${poolId}::uuid AND withdrawn_at IS NULL`.then((r) => r[0]?.n ?? 0);
  }
  async importPool(data: { label: string; categories: Prisma.InputJsonValue; volunteers: { publicId: string; household: string | null; values: Prisma.InputJsonValue }[] }): Promise<string> {
    return this.prisma.$transaction(async (tx) => {
      const pool = await tx.advisoryPanelPool.create({ data: { label: data.label, source: 'import', categories: data.categories } });
      await tx.advisoryPanelVolunteer.createMany({ data: data.volunteers.map((v) => ({ ...v, poolId: pool.id, displayName: v.publicId })) });
      return pool.id;
    });
  }
  setQuotas(id: string, panelSize: number, quotas: Prisma.InputJsonValue, feasibility: Prisma.InputJsonValue): Promise<unknown> {
    return this.prisma.advisoryPanelPool.update({ where: { id }, data: { panelSize, quotas, feasibility } });
  }
  async addVolunteer(
    tx: PrismaTransaction,
    data: { poolId: string; invitationId: string; values: Prisma.InputJsonValue; displayName: string; displayMode: 'pseudonym' | 'name'; contactEmail: string; locale: Locale; withdrawTokenHash: string; withdrawCodeSealed: string | null },
  ): Promise<{ id: string; publicId: string }> {
    // V-0001, V-0002… in the order of answers (the pool row is locked by the caller); withdrawn answers keep their number.
    const count = await tx.advisoryPanelVolunteer.count({ where: { poolId: data.poolId } });
    const publicId = `V-${String(count + 1).padStart(4, '0')}`;
    const { id } = await tx.advisoryPanelVolunteer.create({ data: { ...data, publicId, household: data.invitationId }, select: { id: true } });
    return { id, publicId };
  }

  // ——— draws ———
  draws(): Promise<AdvisoryPanelDraw[]> {
    return this.prisma.advisoryPanelDraw.findMany({ orderBy: { committedAt: 'desc' } });
  }
  draw(reference: string, tx: PrismaTransaction = this.prisma): Promise<DrawRow | null> {
    return tx.advisoryPanelDraw.findUnique({ where: { reference }, include: drawLinks });
  }
  drawById(id: string, tx: PrismaTransaction = this.prisma): Promise<DrawRow | null> {
    return tx.advisoryPanelDraw.findUnique({ where: { id }, include: drawLinks });
  }
  lockDraw(tx: PrismaTransaction, reference: string): Promise<DrawRow | null> {
    return tx.$queryRaw`SELECT id FROM advisory_panel_draws WHERE reference = ${reference} FOR UPDATE`.then(() => this.draw(reference, tx));
  }
  lockDrawById(tx: PrismaTransaction, id: string): Promise<DrawRow | null> {
    return tx.$queryRaw`SELECT id FROM advisory_panel_draws WHERE id = ${id}::uuid FOR UPDATE`.then(() => this.drawById(id, tx));
  }
  /** A draw of this pool still on its way (committed, computing, ready). */
  openDrawOf(tx: PrismaTransaction | undefined, poolId: string): Promise<{ reference: string } | null> {
    tx ??= this.prisma;
    return tx.advisoryPanelDraw.findFirst({ where: { poolId, state: { in: ['committed', 'computing', 'ready'] } }, select: { reference: true } });
  }
  async createDraw(
    tx: PrismaTransaction,
    data: Omit<Prisma.AdvisoryPanelDrawUncheckedCreateInput, 'reference' | 'witnesses'>,
    witnesses: { name: string; kind: string; seedHash: string }[],
  ): Promise<DrawRow> {
    const reference = await nextReference(tx, DRAW_REFERENCES, new Date().getUTCFullYear());
    const draw = await tx.advisoryPanelDraw.create({ data: { ...data, reference, witnesses: { create: witnesses.map((w, i) => ({ ...w, position: i + 1 })) } } });
    return (await this.drawById(draw.id, tx))!;
  }
  updateDraw(tx: PrismaTransaction, id: string, data: Prisma.AdvisoryPanelDrawUpdateInput): Promise<unknown> {
    return tx.advisoryPanelDraw.update({ where: { id }, data });
  }
  /** Progress is written outside any transaction, often: a plain update (count 0: the draw no longer computes, e.g. it was cancelled). */
  setProgress(id: string, progress: Prisma.InputJsonValue): Promise<{ count: number }> {
    return this.prisma.advisoryPanelDraw.updateMany({ where: { id, state: 'computing' }, data: { progress } });
  }
  setDrawState(tx: PrismaTransaction, id: string, state: PanelDrawState, data: Prisma.AdvisoryPanelDrawUpdateInput = {}): Promise<unknown> {
    return tx.advisoryPanelDraw.update({ where: { id }, data: { ...data, state } });
  }
  revealSeed(tx: PrismaTransaction, drawId: string, position: number, seed: string, at: Date): Promise<unknown> {
    return tx.advisoryPanelDrawWitness.update({ where: { drawId_position: { drawId, position } }, data: { seed, revealedAt: at } });
  }
}
