import { createHash, randomUUID } from 'node:crypto';
import { DecisionRulesSchema, type AuditAction, type ConsultationState, type DecisionRulesInput } from '@sesame/domain';
import type { SeedContext } from './seed-context';
import { nextReference } from '../../apps/api/src/common/references.repository';
import { CONSULTATION_REFERENCES, ConsultationsRepository } from '../../apps/api/src/consultations/consultations.repository';
import { closeBallotBox } from '../../apps/api/src/consultations/consultations.service';
import { newReceipt } from '../../apps/api/src/consultations/ballot-cast';
import type { PrismaService } from '../../apps/api/src/prisma/prisma.service';

const DAY = 86_400_000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface DemoConsultation {
  state: Exclude<ConsultationState, 'counting' | 'referral' | 'cancelled'>;
  dataUseTitle: string;
  /** The proposal it comes from (by title), if any. */
  proposalTitle?: string;
  title: string;
  question: string;
  briefing: string;
  /** Days from now of information, deliberation, vote, close. */
  days: [number, number, number, number];
  rules: DecisionRulesInput;
  hearings?: { speaker: string; affiliation: string; declaredInterests: string; position: 'for' | 'against' | 'neutral'; summary: string }[];
  questions?: { author: string; body: string; answer?: string }[];
  /** Online ballots: voter e-mail → choices. */
  ballots?: [string, object][];
  /** A polling station's paper count (with as many synthetic voters recorded there). */
  paper?: { stationName: string; place: string; officers: [string, string]; ballots: number; blankOrInvalid: number; counts: object };
  /**
   * A station's count record entered by one officer and not confirmed yet (as many synthetic voters recorded there):
   * it waits for a second officer and counts nowhere until then; its officer may still withdraw it.
   */
  pendingPaper?: { stationName: string; place: string; officers: [string, string]; ballots: number; blankOrInvalid: number; counts: object };
}

const MARKET_RULES: DecisionRulesInput = {
  method: 'majority_judgment',
  options: [
    { id: 'retirer', label: 'Arrêter la reconnaissance faciale et retirer le logiciel' },
    { id: 'suspendre', label: 'La suspendre le temps d’un bilan public' },
    { id: 'garder', label: 'Garder l’expérimentation telle qu’elle est' },
  ],
  quorumPercent: 0,
  abstention: 'not_expressed',
  whatNext: 'Les résultats sont transmis au comité citoyen, qui rend un avis au conseil municipal dans les deux mois ; la mairie y répond publiquement.',
};

/**
 * The demo's consultations, one per phase: a closed one on the market cameras
 * (majority judgment, results and ballot list published, a polling station's
 * paper count — `npm run consultation:retally` can be tried on it at once),
 * one in its vote (a station's count record waits there for a second
 * officer's confirmation), one in deliberation, one in information (hearings and
 * questions), one announced, one in preparation. Demo only.
 */
const DEMO_CONSULTATIONS: DemoConsultation[] = [
  {
    state: 'results',
    dataUseTitle: 'Identifier les visages des passants au marché du dimanche',
    proposalTitle: 'Arrêter la reconnaissance faciale au marché du dimanche',
    title: 'La reconnaissance faciale au marché du dimanche',
    question: 'Que doit faire la ville de la reconnaissance faciale sur les caméras du marché du dimanche ?',
    briefing: 'Depuis un an, les caméras du marché comparent les visages des passants à une liste de personnes recherchées. Le dossier d’information présente l’expérimentation, ses résultats et les avis des experts entendus.',
    days: [-40, -30, -20, -6],
    rules: MARKET_RULES,
    hearings: [
      { speaker: 'Dr Amina Benali', affiliation: 'Université de Val-de-Noue, laboratoire d’informatique', declaredInterests: 'Aucun lien avec les fournisseurs de caméras.', position: 'against', summary: 'Les taux d’erreur varient selon les visages ; sur une foule de marché, les fausses alertes se comptent par dizaines chaque dimanche.' },
      { speaker: 'Commandant Marc Olivier', affiliation: 'Police municipale de Val-de-Noue', declaredInterests: 'Service utilisateur du dispositif.', position: 'for', summary: 'Trois interpellations en un an ; le dispositif rassure les commerçants.' },
      { speaker: 'Maître Sophie Leclerc', affiliation: 'Barreau de Val-de-Noue', declaredInterests: 'Avocate de la Ligue locale des droits, partie à un recours contre l’arrêté.', position: 'against', summary: 'L’arrêté préfectoral ne couvre pas la reconnaissance faciale : la base légale manque.' },
    ],
    questions: [
      { author: 'camille@demo.sesame.test', body: 'Combien de temps les images des visages sont-elles gardées ?', answer: 'Les gabarits de visage sont effacés après 72 heures ; les images ordinaires après 30 jours (réponse du service de police municipale, audition du 12).' },
      { author: 'yacine@demo.sesame.test', body: 'Qui a accès aux alertes déclenchées par le logiciel ?' },
    ],
    ballots: [
      ['camille@demo.sesame.test', { grades: { retirer: 0, suspendre: 2, garder: 5 } }],
      ['yacine@demo.sesame.test', { grades: { retirer: 1, suspendre: 0, garder: 4 } }],
      ['lucie@demo.sesame.test', { grades: { retirer: 3, suspendre: 1, garder: 2 } }],
      ['comite@demo.sesame.test', { grades: { retirer: 0, suspendre: 1, garder: 5 } }],
    ],
    paper: {
      stationName: 'Bureau 1 — Mairie annexe de La Noue',
      place: 'Salle polyvalente, 3 place du Marché',
      officers: ['Jeanne Martin', 'Karim Haddad'],
      ballots: 30,
      blankOrInvalid: 0,
      counts: { grades: { retirer: [11, 6, 4, 3, 2, 4], suspendre: [5, 9, 7, 5, 2, 2], garder: [3, 2, 4, 5, 6, 10] } },
    },
  },
  {
    state: 'vote',
    dataUseTitle: 'Contrôler l’entrée à la cantine scolaire par la forme de la main',
    title: 'Le lecteur de main de la cantine scolaire',
    question: 'Faut-il remplacer le lecteur de la forme de la main à l’entrée de la cantine par une carte ou une liste d’appel ?',
    briefing: 'Les élèves posent la main sur un lecteur pour entrer à la cantine. Le dossier compare le lecteur, une carte sans photo et la liste d’appel.',
    days: [-12, -7, -2, 5],
    rules: { method: 'yes_no_abstain', quorumPercent: 10, abstention: 'not_expressed', whatNext: 'Si le « oui » l’emporte avec le quorum, la mairie s’engage à retirer les lecteurs à la rentrée suivante.' },
    ballots: [
      ['camille@demo.sesame.test', { answer: 'yes' }],
      ['yacine@demo.sesame.test', { answer: 'yes' }],
    ],
    // A station counted its ballots at noon; the record waits for a second officer (decision 0019).
    pendingPaper: {
      stationName: 'Bureau 2 — École Jules-Ferry',
      place: 'Préau de l’école Jules-Ferry, 12 rue des Écoles',
      officers: ['Jeanne Martin', 'Karim Haddad'],
      ballots: 12,
      blankOrInvalid: 1,
      counts: { answers: { yes: 6, no: 4, abstain: 1 } },
    },
  },
  {
    state: 'deliberation',
    dataUseTitle: 'Acheter des données de localisation de téléphones pour redessiner le réseau de bus',
    title: 'Les données de localisation pour le réseau de bus',
    question: 'À quelles conditions la ville peut-elle acheter des données de localisation pour redessiner le réseau de bus ?',
    briefing: 'L’agglomération envisage d’acheter à un opérateur des trajets anonymisés. Chacun peut approuver autant de conditions qu’il le souhaite.',
    days: [-9, -2, 6, 13],
    rules: {
      method: 'approval',
      options: [
        { id: 'agregees', label: 'Seulement des données agrégées par quartier et par heure' },
        { id: 'publiees', label: 'Les données achetées sont publiées en données ouvertes' },
        { id: 'non', label: 'Ne pas acheter de données de localisation' },
      ],
      whatNext: 'Les conditions approuvées par une majorité sont inscrites au cahier des charges.',
    },
  },
  {
    state: 'information',
    dataUseTitle: 'Réunir les dossiers des patients dans un entrepôt régional de données de santé',
    title: 'L’entrepôt régional de données de santé',
    question: 'Quelle règle d’accès aux dossiers de l’entrepôt régional de santé la ville doit-elle défendre ?',
    briefing: 'Le groupement hospitalier réunit les dossiers des patients dans un entrepôt pour la recherche. La ville siège à son conseil.',
    days: [-2, 6, 13, 20],
    rules: {
      method: 'single_choice',
      options: [
        { id: 'accord', label: 'Un accord explicite de chaque patient' },
        { id: 'opposition', label: 'L’information de chacun avec droit d’opposition' },
        { id: 'statu-quo', label: 'Les règles actuelles' },
      ],
      whatNext: 'La position retenue est portée par la ville au conseil du groupement.',
    },
    hearings: [{ speaker: 'Pr Hélène Roux', affiliation: 'Centre hospitalier de Val-de-Noue', declaredInterests: 'Responsable scientifique de l’entrepôt.', position: 'for', summary: 'L’entrepôt a permis trois études sur le diabète de l’enfant.' }],
    questions: [{ author: 'lucie@demo.sesame.test', body: 'Les dossiers sont-ils partagés avec des entreprises privées ?' }],
  },
  {
    state: 'scheduled',
    dataUseTitle: 'Noter les demandes de logement social pour préparer les commissions d’attribution',
    title: 'La cotation des demandes de logement social',
    question: 'La grille de cotation des demandes de logement social doit-elle être publiée avec le poids de chaque critère ?',
    briefing: 'La grille de cotation classe les demandes avant les commissions d’attribution.',
    days: [7, 14, 21, 28],
    rules: { method: 'yes_no_abstain', whatNext: 'La mairie publie sa décision dans le mois qui suit la clôture.' },
  },
  {
    state: 'draft',
    dataUseTitle: 'Mesurer le bruit des rues avec des capteurs sur les lampadaires',
    title: 'Les capteurs de bruit des lampadaires',
    question: 'Faut-il étendre les capteurs de bruit à toutes les rues du centre ancien ?',
    briefing: '',
    days: [20, 27, 34, 41],
    rules: { method: 'yes_no_abstain' },
  },
];

const PHASES_UP_TO: Record<DemoConsultation['state'], ConsultationState[]> = {
  draft: ['draft'],
  scheduled: ['draft', 'scheduled'],
  information: ['draft', 'scheduled', 'information'],
  deliberation: ['draft', 'scheduled', 'information', 'deliberation'],
  vote: ['draft', 'scheduled', 'information', 'deliberation', 'vote'],
  results: ['draft', 'scheduled', 'information', 'deliberation', 'vote', 'counting', 'results'],
};

export async function seedDemoConsultations({ tx, audit }: SeedContext, now = new Date()): Promise<string[]> {
  const repository = new ConsultationsRepository(tx as unknown as PrismaService);
  const person = async (email: string) => (await tx.person.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const organizer = await person('organisation@demo.sesame.test');
  const officer = await person('animation@demo.sesame.test');
  const references: string[] = [];
  for (const demo of DEMO_CONSULTATIONS) {
    const rules = DecisionRulesSchema.parse(demo.rules);
    const dataUse = await tx.dataUse.findFirstOrThrow({ where: { title: demo.dataUseTitle }, select: { id: true, currentVersion: true } });
    const proposal = demo.proposalTitle ? await tx.proposal.findFirstOrThrow({ where: { title: demo.proposalTitle }, select: { id: true } }) : null;
    const [information, deliberation, vote, close] = demo.days.map((d) => new Date(now.getTime() + d * DAY)) as [Date, Date, Date, Date];
    const reference = await nextReference(tx, CONSULTATION_REFERENCES, now.getUTCFullYear());
    const states = PHASES_UP_TO[demo.state];
    const created = await tx.consultation.create({
      data: {
        reference,
        state: demo.state === 'results' ? 'vote' : demo.state,
        title: demo.title,
        question: demo.question,
        briefing: demo.briefing,
        originKind: proposal ? 'proposal' : 'organizers',
        originProposalId: proposal?.id ?? null,
        dataUseId: dataUse.id,
        dataUseVersion: dataUse.currentVersion,
        informationOpensAt: information,
        deliberationOpensAt: deliberation,
        voteOpensAt: vote,
        voteClosesAt: close,
        method: rules.method,
        rules,
        rulesPublishedAt: demo.state === 'draft' ? null : new Date(information.getTime() - 7 * DAY),
        createdById: organizer,
      },
    });
    const at: Record<string, Date> = { draft: new Date(information.getTime() - 10 * DAY), scheduled: new Date(information.getTime() - 7 * DAY), information, deliberation, vote, counting: close, results: close };
    const log = (action: AuditAction, data: Record<string, string | number | null>, actorId: string | null = null) => audit({ action, subjectType: 'consultation', subjectId: created.id, data: { reference, ...data }, actorId });
    // The close (results) is written below, as the API does it.
    for (const state of states.filter((s) => s !== 'results')) {
      await tx.consultationEvent.create({ data: { consultationId: created.id, state, note: '', actorId: state === 'draft' || state === 'scheduled' ? organizer : null, createdAt: at[state]! } });
      if (state === 'draft') await log('consultation.created', { title: demo.title, origin: proposal ? 'proposal' : 'organizers' });
      if (state === 'scheduled') await log('consultation.published', { state });
      if (state === 'information' || state === 'deliberation') await log('consultation.phase-opened', { phase: state });
      if (state === 'vote') await log('consultation.vote-opened', {});
    }
    if (demo.state === 'deliberation') {
      // Its deliberation space (statements and the opinion map), opened as organizers open it from the consultation's page.
      const spaceId = await repository.createDeliberation(tx, reference, organizer, { opensAt: deliberation, closesAt: vote, whoMayPost: 'verified', neighbourhoodIds: [] });
      await audit({ action: 'deliberation.opened', subjectType: 'deliberation', subjectId: spaceId, data: { subject: reference, title: demo.title, moderation: 'post' } });
    }
    const hearingIds: string[] = [];
    for (const hearing of demo.hearings ?? []) {
      hearingIds.push((await tx.consultationHearing.create({ data: { consultationId: created.id, ...hearing, publishedById: organizer, publishedAt: new Date(information.getTime() + DAY) } })).id);
      await log('consultation.hearing-published', { speaker: hearing.speaker, position: hearing.position });
    }
    for (const question of demo.questions ?? []) {
      const asked = await tx.consultationQuestion.create({
        data: {
          consultationId: created.id,
          authorId: await person(question.author),
          body: question.body,
          ...(question.answer ? { state: 'answered', answerBody: question.answer, answerHearingId: hearingIds[1] ?? null, answeredById: organizer, answeredAt: new Date(information.getTime() + 3 * DAY) } : {}),
        },
      });
      if (question.answer) await log('consultation.question-answered', { questionId: asked.id });
    }
    // Ballots as the API writes them: the participation (who) and the ballot (what), nothing linking them.
    for (const [email, choices] of demo.ballots ?? []) {
      const castOn = new Date(vote.getTime() + DAY).toISOString().slice(0, 10);
      await repository.addParticipation(tx, created.id, await person(email), 'online');
      await repository.addBallot(tx, { id: randomUUID(), consultationId: created.id, receipt: newReceipt(), choices: choices as never, changeKeyHash: sha256(randomUUID()), idempotencyKeyHash: sha256(randomUUID()), castOn });
    }
    /** The residents who voted on paper, recorded by the station's officer: the first synthetic demo voters, verified residents of La Noue. */
    const recordStationVoters = async (stationName: string, count: number) => {
      const voters = await tx.person.findMany({ where: { email: { startsWith: 'demo-' } }, select: { id: true }, orderBy: { email: 'asc' }, take: count });
      // Only verified residents vote, at a station too (review M4: otherwise the turnout counted them as voters but not as eligible).
      const laNoue = await tx.neighbourhood.findFirstOrThrow({ where: { name: 'La Noue' }, select: { id: true } });
      for (const voter of voters) {
        if (await tx.residentVerification.findUnique({ where: { personId: voter.id } })) continue;
        await tx.residentVerification.create({ data: { personId: voter.id, neighbourhoodId: laNoue.id, method: 'census' } });
        await audit({ action: 'resident.verified', subjectType: 'person', subjectId: voter.id, data: { method: 'census', demo: true }, visibility: 'restricted' });
      }
      for (const voter of voters) await repository.addParticipation(tx, created.id, voter.id, 'station', { name: stationName, recordedById: officer });
    };
    if (demo.paper) {
      await recordStationVoters(demo.paper.stationName, demo.paper.ballots);
      // Entered by the facilitator's account, confirmed by the organizer's: the two entries ConsultationsService writes (addPaperCount, confirmPaperCount).
      await tx.consultationPaperCount.create({ data: { consultationId: created.id, ...demo.paper, officers: [...demo.paper.officers], countedAt: new Date(close.getTime() - 2 * 3_600_000), enteredById: officer, confirmedById: organizer, confirmedAt: new Date(close.getTime() - 3_600_000) } });
      await log('consultation.paper-count-recorded', { station: demo.paper.stationName, place: demo.paper.place, ballots: demo.paper.ballots }, officer);
      await log('consultation.paper-count-confirmed', { station: demo.paper.stationName }, organizer);
    }
    if (demo.pendingPaper) {
      // Entered by the facilitator's account, confirmed by nobody yet: not counted (the close reads confirmed records only).
      await recordStationVoters(demo.pendingPaper.stationName, demo.pendingPaper.ballots);
      const countedAt = new Date(Math.max(vote.getTime(), now.getTime() - 3_600_000));
      await tx.consultationPaperCount.create({ data: { consultationId: created.id, ...demo.pendingPaper, officers: [...demo.pendingPaper.officers], countedAt, enteredById: officer } });
      await log('consultation.paper-count-recorded', { station: demo.pendingPaper.stationName, place: demo.pendingPaper.place, ballots: demo.pendingPaper.ballots }, officer);
    }
    if (demo.state === 'results') {
      const row = { ...(await tx.consultation.findUniqueOrThrow({ where: { id: created.id } })), dataUse: { reference: '', title: '' } };
      const closed = await closeBallotBox(tx, repository, row, close.toISOString().slice(0, 10));
      await tx.consultationEvent.create({ data: { consultationId: created.id, state: 'results', note: '', actorId: null, createdAt: close } });
      await log('consultation.vote-closed', { ballots: closed.ballots });
      await log('consultation.ballot-list-published', { ballotsSha256: closed.sha256, ballots: closed.ballots, url: `/api/v1/open-data/consultations/${reference}/ballots.json` });
      await log('consultation.results-published', { winner: closed.winner });
    }
    references.push(reference);
  }
  return references;
}
