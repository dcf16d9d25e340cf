import { Inject, Injectable } from '@nestjs/common';
import {
  INVITATION_CODE_ALPHABET,
  INVITATION_CODE_LENGTH,
  canOnVerification,
  type Actor,
  type CreateInvitationBatch,
  type CreatedInvitationBatch,
  type InvitationBatchSummary,
  type ResidentVerification,
} from '@sesame/domain';
import { createHash, createHmac, hkdfSync, randomInt } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { authorize } from '../common/authorize';
import { ProblemException } from '../common/problem.exception';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import { NotificationsService } from '../notifications/notifications.service';
import { PeopleRepository } from '../people/people.repository';
import { PrismaService } from '../prisma/prisma.service';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { invitationCsv, invitationPdf, type LetterBatch } from './invitation-letters';
import { alreadyVerified, verificationAttemptLimits } from './verification-attempts';
import { VerificationRepository } from './verification.repository';

/** How codes printed before keyed hashes were stored: a plain SHA-256, kept only to recognise those letters. */
export const legacyInvitationCodeHash = (code: string) => createHash('sha256').update(`sesame-invitation:${code}`).digest('hex');

function newCode(): string {
  let code = '';
  for (let i = 0; i < INVITATION_CODE_LENGTH; i++) code += INVITATION_CODE_ALPHABET[randomInt(INVITATION_CODE_ALPHABET.length)];
  return code;
}

export type InvitationFile = { kind: 'json'; body: CreatedInvitationBatch } | { kind: 'csv' | 'pdf'; body: Buffer; filename: string };

@Injectable()
export class VerificationService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly prisma: PrismaService,
    private readonly repository: VerificationRepository,
    private readonly people: PeopleRepository,
    private readonly audit: AuditService,
    private readonly rateLimits: RateLimitService,
    private readonly notifications: NotificationsService,
  ) {
    this.codeKey = Buffer.from(hkdfSync('sha256', config.API_AUTH_SECRET, 'sesame', 'invitation-code', 32));
  }

  /**
   * Codes are stored as an HMAC under a key derived from the API secret: with
   * only a copy of the database, nobody can test guesses (the printed hint
   * leaves 31⁸ possibilities, too few for an unkeyed hash).
   */
  private readonly codeKey: Buffer;
  private hashCode(code: string): string {
    return createHmac('sha256', this.codeKey).update(code).digest('hex');
  }

  /** What waits for the organizers (their page): accounts not verified yet, codes not used yet. */
  async workCounts(actor: Actor): Promise<{ unverifiedPeople: number; unusedCodes: number }> {
    authorize(canOnVerification('verification.manage', { actor }));
    return this.repository.workCounts();
  }

  /** Creates N single-use codes; the answer is the only place they exist in clear. */
  async createBatch(actor: Actor, input: CreateInvitationBatch, format: 'json' | 'csv' | 'pdf'): Promise<InvitationFile> {
    const organizer = authorize(canOnVerification('verification.manage', { actor }));
    const codes = new Set<string>();
    while (codes.size < input.count) codes.add(newCode());
    const { summary, letters } = await this.prisma.$transaction(async (tx) => {
      const neighbourhood = await this.repository.neighbourhood(tx, input.neighbourhoodId);
      if (!neighbourhood) throw ProblemException.validation([{ path: 'neighbourhoodId', code: 'unknown', message: 'Quartier inconnu.' }]);
      const batchId = await this.repository.createBatch(tx, {
        neighbourhoodId: neighbourhood.id,
        label: input.label,
        createdById: organizer.id,
        codes: [...codes].map((code) => ({ codeHash: this.hashCode(code), hint: code.slice(-4) })),
      });
      await this.audit.record(tx, {
        actorId: organizer.id,
        action: 'invitation-batch.created',
        subjectType: 'invitation-batch',
        subjectId: batchId,
        data: { neighbourhood: neighbourhood.name, label: input.label, count: input.count },
      });
      const [summary] = await this.repository.summaries({ id: batchId }, tx);
      const letters: LetterBatch = { territory: neighbourhood.territory.name, neighbourhood: neighbourhood.name, label: input.label, siteUrl: this.config.WEB_ORIGIN, codes: [...codes] };
      return { summary: summary!, letters };
    });
    const filename = `invitations-${summary.neighbourhood.name}-${summary.createdAt.slice(0, 10)}`.normalize('NFD').replace(/[^\w-]+/g, '-');
    if (format === 'csv') return { kind: 'csv', body: invitationCsv(letters), filename: `${filename}.csv` };
    if (format === 'pdf') return { kind: 'pdf', body: await invitationPdf(letters), filename: `${filename}.pdf` };
    return { kind: 'json', body: { ...summary, codes: letters.codes } };
  }

  async listBatches(actor: Actor): Promise<InvitationBatchSummary[]> {
    authorize(canOnVerification('verification.manage', { actor }));
    return this.repository.summaries();
  }

  async revokeBatch(actor: Actor, batchId: string): Promise<InvitationBatchSummary> {
    const organizer = authorize(canOnVerification('verification.manage', { actor }));
    return this.prisma.$transaction(async (tx) => {
      const [existing] = await this.repository.summaries({ id: batchId }, tx);
      if (!existing) throw ProblemException.notFound('Lot de codes introuvable.');
      const revoked = await this.repository.revokeUnused(tx, batchId);
      if (revoked > 0) {
        await this.audit.record(tx, { actorId: organizer.id, action: 'invitation-batch.revoked', subjectType: 'invitation-batch', subjectId: batchId, data: { revokedCodes: revoked } });
      }
      return (await this.repository.summaries({ id: batchId }, tx))[0]!;
    });
  }

  /** A resident types the code from their letter and becomes a verified resident of its neighbourhood. */
  async redeem(actor: Actor, code: string, ip: string): Promise<ResidentVerification> {
    const person = authorize(canOnVerification('verification.verify-self', { actor }));
    await this.rateLimits.consumeEach(verificationAttemptLimits(person.id, ip));
    return this.prisma.$transaction(async (tx) => {
      // Before the code is spent: a verified resident keeps their code for nobody else to lose.
      if (await this.repository.currentVerification(tx, person.id)) throw alreadyVerified();
      let outcome = await this.repository.redeem(tx, this.hashCode(code), person.id);
      if (!outcome.ok && outcome.reason === 'unknown') outcome = await this.repository.redeem(tx, legacyInvitationCodeHash(code), person.id);
      if (!outcome.ok) {
        if (outcome.reason === 'used') {
          const used = 'Ce code a déjà été utilisé. Chaque code ne sert qu’une fois : demandez-en un nouveau à la mairie ou à une association.';
          throw ProblemException.conflict(used, [{ path: 'code', code: 'used', message: used }]);
        }
        // The field says what to do, as the detail does: a form shows it next to the code.
        const refusal =
          outcome.reason === 'revoked'
            ? 'Ce code a été annulé. Demandez-en un nouveau à la mairie ou à une association.'
            : 'Ce code n’existe pas. Vérifiez-le sur votre courrier (12 caractères, par exemple ABCD-EFGH-JKMN).';
        throw ProblemException.ruleViolation(refusal, [{ path: 'code', code: outcome.reason, message: refusal }]);
      }
      // A concurrent verification of the same account may have won meanwhile: then the code stays unused.
      if (!(await this.repository.verify(tx, person.id, outcome.neighbourhoodId, 'invitation_code'))) throw alreadyVerified();
      // Restricted: where someone lives is personal; the chain still proves the event happened.
      await this.audit.record(tx, {
        actorId: person.id,
        action: 'resident.verified',
        subjectType: 'person',
        subjectId: person.id,
        visibility: 'restricted',
        data: { neighbourhoodId: outcome.neighbourhoodId, method: 'invitation_code' },
      });
      const details = await this.people.findWithDetails(person.id, tx);
      const verification = details!.verification!;
      await this.notifications.notify(tx, { personId: person.id, kind: 'resident.verified', data: { neighbourhood: verification.neighbourhood.name }, link: '/compte' });
      return {
        neighbourhood: { id: verification.neighbourhood.id, slug: verification.neighbourhood.slug, name: verification.neighbourhood.name },
        method: verification.method,
        verifiedAt: verification.verifiedAt.toISOString(),
      };
    });
  }
}
