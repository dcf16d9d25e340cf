import { Inject, Injectable } from '@nestjs/common';
import { censusIdentity, normaliseName, canOnVerification, type Actor, type CensusImportResult, type CensusMatch, type ResidentVerification } from '@sesame/domain';
import { createHmac, hkdfSync } from 'node:crypto';
import Papa from 'papaparse';
import { AuditService } from '../audit/audit.service';
import { authorize } from '../common/authorize';
import { ProblemException } from '../common/problem.exception';
import { API_CONFIG, type ApiConfig } from '../config/config.schema';
import { NotificationsService } from '../notifications/notifications.service';
import { PrismaService } from '../prisma/prisma.service';
import { RateLimitService } from '../rate-limit/rate-limit.service';
import { alreadyVerified, verificationAttemptLimits } from './verification-attempts';
import { VerificationRepository } from './verification.repository';

const COLUMNS = { lastName: ['nom', 'last name', 'nom de famille'], firstName: ['prenom', 'first name', 'prenoms'], birthDate: ['date de naissance', 'date naissance', 'birth date', 'naissance'], neighbourhood: ['quartier', 'neighbourhood'] };

/**
 * The census list: an organizer uploads a CSV of residents; only keyed hashes
 * of the normalised identifying fields are stored. The key derives from
 * API_AUTH_SECRET, so a stolen database alone does not allow testing guesses.
 */
@Injectable()
export class CensusService {
  private readonly key: Buffer;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly prisma: PrismaService,
    private readonly repository: VerificationRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly rateLimits: RateLimitService,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', config.API_AUTH_SECRET, 'sesame', 'census-fingerprint', 32));
  }

  private fingerprint(identity: string): string {
    return createHmac('sha256', this.key).update(identity).digest('hex');
  }

  async import(actor: Actor, csv: unknown, defaultNeighbourhoodId: string | undefined): Promise<CensusImportResult> {
    const organizer = authorize(canOnVerification('verification.manage', { actor }));
    if (typeof csv !== 'string' || csv.trim() === '') throw ProblemException.validation([{ path: '', code: 'empty', message: 'Envoyez un fichier CSV (Content-Type: text/csv).' }]);
    const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: normaliseName });
    const fields = parsed.meta.fields ?? [];
    const column = (names: string[]) => fields.find((field) => names.includes(field));
    const columns = { lastName: column(COLUMNS.lastName), firstName: column(COLUMNS.firstName), birthDate: column(COLUMNS.birthDate), neighbourhood: column(COLUMNS.neighbourhood) };
    const missing = (['lastName', 'firstName', 'birthDate'] as const).filter((name) => !columns[name]);
    if (missing.length > 0) {
      throw ProblemException.validation(
        missing.map((name) => ({ path: name, code: 'missing_column', message: `Colonne manquante : ${COLUMNS[name][0]}.` })),
        'Le fichier doit avoir les colonnes nom, prénom, date de naissance (et quartier, ou un quartier choisi pour tout le fichier).',
      );
    }
    return this.prisma.$transaction(
      async (tx) => {
        const neighbourhoods = await this.repository.neighbourhoods(tx);
        const bySlugOrName = new Map(neighbourhoods.flatMap((n) => [[n.slug, n.id], [normaliseName(n.name), n.id]]));
        if (defaultNeighbourhoodId && !neighbourhoods.some((n) => n.id === defaultNeighbourhoodId)) {
          throw ProblemException.validation([{ path: 'neighbourhoodId', code: 'unknown', message: 'Quartier inconnu.' }]);
        }
        if (!columns.neighbourhood && !defaultNeighbourhoodId) {
          throw ProblemException.validation([{ path: 'neighbourhoodId', code: 'missing', message: 'Choisissez un quartier, ou ajoutez une colonne quartier.' }]);
        }
        const rejected: CensusImportResult['rejected'] = [];
        const entries: { fingerprint: string; neighbourhoodId: string; importedById: string }[] = [];
        parsed.data.forEach((row, index) => {
          const line = index + 2; // 1-based, after the header
          const identity = censusIdentity(row[columns.lastName!] ?? '', row[columns.firstName!] ?? '', row[columns.birthDate!] ?? '');
          if (!identity) return void rejected.push({ line, reason: 'Nom, prénom ou date de naissance manquant ou invalide.' });
          const named = columns.neighbourhood ? normaliseName(row[columns.neighbourhood] ?? '') : '';
          const neighbourhoodId = named ? (bySlugOrName.get(named) ?? bySlugOrName.get(named.replace(/ /g, '-'))) : defaultNeighbourhoodId;
          if (!neighbourhoodId) return void rejected.push({ line, reason: `Quartier inconnu : ${row[columns.neighbourhood!] ?? ''}.` });
          entries.push({ fingerprint: this.fingerprint(identity), neighbourhoodId, importedById: organizer.id });
        });
        const imported = await this.repository.addCensusEntries(tx, entries);
        await this.audit.record(tx, { actorId: organizer.id, action: 'census.imported', subjectType: 'census', subjectId: null, data: { imported, rejected: rejected.length } });
        return { imported, alreadyPresent: entries.length - imported, rejected };
      },
      { timeout: 60_000 },
    );
  }

  /**
   * Matches my details against the list. Whether details are absent from the list
   * or already verify another account answers the same (422): otherwise anyone
   * could learn, one guess at a time, who lives here and who has an account.
   */
  async match(actor: Actor, details: CensusMatch, ip: string): Promise<ResidentVerification> {
    const person = authorize(canOnVerification('verification.verify-self', { actor }));
    await this.rateLimits.consumeEach(verificationAttemptLimits(person.id, ip));
    const identity = censusIdentity(details.lastName, details.firstName, details.birthDate)!;
    return this.prisma.$transaction(async (tx) => {
      if (await this.repository.currentVerification(tx, person.id)) throw alreadyVerified();
      const neighbourhoodId = await this.repository.useCensusEntry(tx, this.fingerprint(identity), person.id);
      if (!neighbourhoodId) {
        throw ProblemException.ruleViolation(
          'Nous ne pouvons pas vous vérifier avec ces informations. Vérifiez l’orthographe et la date de naissance, ou utilisez un code d’invitation. Si le problème persiste, contactez la mairie.',
        );
      }
      // A concurrent verification of the same account may have won meanwhile: then nothing of this one stays.
      if (!(await this.repository.verify(tx, person.id, neighbourhoodId, 'census'))) throw alreadyVerified();
      await this.audit.record(tx, { actorId: person.id, action: 'resident.verified', subjectType: 'person', subjectId: person.id, visibility: 'restricted', data: { neighbourhoodId, method: 'census' } });
      const neighbourhood = (await this.repository.neighbourhood(tx, neighbourhoodId))!;
      await this.notifications.notify(tx, { personId: person.id, kind: 'resident.verified', data: { neighbourhood: neighbourhood.name }, link: '/compte' });
      return { neighbourhood: { id: neighbourhood.id, slug: neighbourhood.slug, name: neighbourhood.name }, method: 'census', verifiedAt: new Date().toISOString() };
    });
  }
}
