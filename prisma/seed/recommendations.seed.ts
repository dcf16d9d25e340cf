// Panel recommendations' demo (issue 19): the town asked the panel about the
// streetlamp noise sensors; the panel held a session with a hearing, drafted
// two recommendations (one amended, the amendment merged into version 2),
// adopted both by recorded votes, one with a dissent, and published the
// opinion 75 days ago — so its response deadline (60 days) has passed: the
// authority-responses seed answers one recommendation and leaves the other
// overdue. The demo panel member's account (« Inès, membre du comité »)
// holds a drawn citizen's seat. The market camera consultation is left
// unreferred for the browser journey.
import { tallyVote, votingSeatsOf, type PanelRules, type ReferralDossier, type SeatType, type VoteChoice } from '@sesame/domain';
import { nextReference } from '../../apps/api/src/common/references.repository';
import { OPINION_NUMBERS, RECOMMENDATION_REFERENCES, REFERRAL_REFERENCES } from '../../apps/api/src/recommendations/recommendations.repository';
import type { SeedContext } from './seed-context';

const DAY = 86_400_000;
const DATA_USE_TITLE = 'Mesurer le bruit des rues avec des capteurs sur les lampadaires';

const R1 = {
  title: 'Ne jamais enregistrer les sons eux-mêmes',
  v1: 'Les capteurs ne mesurent que des niveaux sonores : aucun son, aucune voix n’est enregistré ni transmis.\n\nLe fournisseur le garantit par contrat et la ville le fait vérifier.',
  v2: 'Les capteurs ne mesurent que des niveaux sonores : aucun son, aucune voix n’est enregistré ni transmis.\n\nLe fournisseur le garantit par contrat et la ville le fait vérifier chaque année par un expert indépendant, dont le rapport est publié.',
};
const R2 = {
  title: 'Publier les mesures en données ouvertes',
  body: 'Les niveaux sonores mesurés sont publiés chaque jour en données ouvertes, rue par rue.\n\nLes habitants peuvent demander l’ajout ou le retrait d’un capteur devant leur immeuble.',
};

export async function seedDemoRecommendations({ tx, audit }: SeedContext): Promise<void> {
  const dataUse = await tx.dataUse.findFirst({ where: { title: DATA_USE_TITLE }, select: { id: true, reference: true, title: true, reviewDate: true, sunsetDate: true } });
  const rulesRow = await tx.advisoryPanelRules.findFirst({ orderBy: { version: 'desc' } });
  if (!dataUse || !rulesRow) return;
  const rules = rulesRow.rules as unknown as PanelRules;
  const members = await tx.advisoryPanelMember.findMany({ where: { state: 'active', position: 'titular' }, orderBy: { createdAt: 'asc' } });
  const voters = members.filter((m) => m.seatType !== 'expert_consultative');
  const citizens = voters.filter((m) => m.seatType === 'drawn_citizen');
  const associations = voters.filter((m) => m.seatType === 'association');
  if (citizens.length < 8 || associations.length < 2) return;

  // The demo member's account sits in a drawn citizen's seat.
  const ines = await tx.person.findFirst({ where: { email: 'comite@demo.sesame.test' }, select: { id: true } });
  if (ines) await tx.panelSeatAccount.create({ data: { memberId: citizens[0]!.id, personId: ines.id } });

  const now = Date.now();
  const referredAt = new Date(now - 120 * DAY);
  const sessionAt = new Date(now - 95 * DAY);
  const adoptedAt = new Date(now - 80 * DAY);
  const publishedAt = new Date(now - 75 * DAY);
  const year = referredAt.getUTCFullYear();

  const dossier: ReferralDossier = {
    generatedAt: referredAt.toISOString(),
    dataUse: { reference: dataUse.reference, title: dataUse.title, reviewDate: dataUse.reviewDate?.toISOString().slice(0, 10) ?? null, sunsetDate: dataUse.sunsetDate?.toISOString().slice(0, 10) ?? null },
    consultation: null,
    proposal: null,
    review: null,
  };
  const referral = await tx.referral.create({
    data: {
      reference: await nextReference(tx, REFERRAL_REFERENCES, year),
      source: 'authority_request',
      state: 'closed',
      title: 'Les capteurs de bruit sur les lampadaires',
      question: 'À quelles conditions la ville peut-elle étendre les capteurs de bruit à tous les quartiers ?',
      dataUseId: dataUse.id,
      dossier: dossier as object,
      createdAt: referredAt,
    },
  });
  await audit({ action: 'referral.created', subjectType: 'referral', subjectId: referral.reference, data: { source: 'authority_request', title: referral.title, dataUse: dataUse.reference } });

  const votingSeats = votingSeatsOf(rules.seats);
  const present = voters.slice(0, 14);
  const session = await tx.panelSession.create({
    data: {
      referralId: referral.id,
      number: 1,
      title: 'Séance sur les capteurs de bruit',
      scheduledAt: sessionAt,
      place: 'Maison des associations, salle 2',
      agenda: ['Présentation du dossier', 'Audition du service environnement', 'Vote des recommandations'],
      state: 'held',
      minutes: 'Le service environnement a présenté le dispositif ; le comité a débattu puis voté deux recommandations.',
      heldAt: sessionAt,
      quorum: { percent: rules.quorumPercent, votingSeats, required: Math.max(1, Math.ceil((votingSeats * rules.quorumPercent) / 100)), present: present.length, reached: true },
      attendance: { create: present.map((m) => ({ memberId: m.id, status: 'present' as const })) },
    },
  });
  await audit({ visibility: 'restricted', action: 'panel-session.held', subjectType: 'panel-session', subjectId: session.id, data: { referral: referral.reference, number: 1, present: present.length } });
  await tx.panelHearing.create({
    data: { referralId: referral.id, sessionId: session.id, kind: 'controller', name: 'Service environnement de la ville', affiliation: 'Ville de Val-de-Noue', interests: 'Responsable du traitement.', summary: 'Les capteurs calculent un niveau sonore par minute ; le fournisseur assure qu’aucun son n’est conservé.', heldOn: sessionAt },
  });

  const opinion = await tx.opinion.create({
    data: {
      referralId: referral.id,
      state: 'published',
      reference: await nextReference(tx, OPINION_NUMBERS, publishedAt.getUTCFullYear()),
      title: 'Les capteurs de bruit sur les lampadaires',
      context: 'La ville envisage d’équiper tous les quartiers de capteurs de bruit. Elle a demandé l’avis du comité citoyen avant de décider.',
      analysis: 'Le comité estime que la mesure du bruit répond à une demande des habitants, à condition qu’aucun son ne soit enregistré et que les mesures soient publiques.\n\nIl a entendu le service environnement et examiné le contrat du fournisseur.',
      items: [],
      publishedAt,
      responseDeadlineDays: rules.responseDeadlineDays ?? 60,
      responseDueAt: new Date(publishedAt.getTime() + (rules.responseDeadlineDays ?? 60) * DAY),
      createdAt: adoptedAt,
    },
  });

  const voteRules = { votingSeats, quorumPercent: rules.quorumPercent, threshold: rules.adoptionThreshold };
  const recorded = rules.votingMode !== 'secret';
  const references: string[] = [];
  for (const [position, spec] of [[1, R1], [2, R2]] as const) {
    const reference = await nextReference(tx, RECOMMENDATION_REFERENCES, year);
    references.push(reference);
    const rapporteur = position === 1 ? citizens[0]! : citizens[1]!;
    const amended = 'v2' in spec;
    const item = await tx.recommendation.create({
      data: { reference, referralId: referral.id, rapporteurId: rapporteur.id, state: 'published', version: amended ? 2 : 1, adoptedAt, opinionId: opinion.id, position, createdAt: referredAt },
    });
    await tx.recommendationVersion.create({ data: { recommendationId: item.id, version: 1, title: spec.title, body: 'v1' in spec ? spec.v1 : spec.body, changeNote: 'Première rédaction.', amendments: [], createdAt: referredAt } });
    await audit({ visibility: 'restricted', action: 'recommendation.drafted', subjectType: 'recommendation', subjectId: reference, data: { referral: referral.reference, title: spec.title } });
    if (amended) {
      await tx.amendment.create({ data: { recommendationId: item.id, number: 1, authorId: associations[1]!.id, state: 'merged', baseVersion: 1, body: spec.v2, explanation: 'Une vérification indépendante et publique.', procedure: 'accept', mergedInto: 2 } });
      await tx.recommendationVersion.create({ data: { recommendationId: item.id, version: 2, title: spec.title, body: spec.v2, changeNote: 'Amendements intégrés : n° 1.', amendments: [1], createdAt: new Date(sessionAt.getTime() + 3_600_000) } });
      await audit({ visibility: 'restricted', action: 'recommendation.amendments-merged', subjectType: 'recommendation', subjectId: reference, data: { version: 2, amendments: [1] } });
    }
    // R1: 10 for, 2 against, 1 abstention; R2: 9 for, 3 against, 2 abstentions.
    const plan: VoteChoice[] = position === 1 ? [...Array<VoteChoice>(10).fill('for'), 'against', 'against', 'abstain'] : [...Array<VoteChoice>(9).fill('for'), 'against', 'against', 'against', 'abstain', 'abstain'];
    const ballots = plan.map((choice, i) => ({ member: present[i]!, choice }));
    const tally = tallyVote(ballots.map((b) => ({ seatType: b.member.seatType as SeatType, choice: b.choice })), voteRules);
    const vote = await tx.panelVote.create({
      data: { subject: 'recommendation', recommendationId: item.id, sessionId: session.id, version: amended ? 2 : 1, mode: recorded ? 'recorded' : 'secret', rules: voteRules, state: 'closed', outcome: tally.outcome, tally: tally as object, openedAt: sessionAt, closedAt: adoptedAt },
    });
    for (const b of ballots) await tx.panelVoteParticipation.create({ data: { voteId: vote.id, memberId: b.member.id, seatType: b.member.seatType, choice: recorded ? b.choice : null } });
    if (!recorded) for (const b of ballots) await tx.panelSecretBallot.create({ data: { voteId: vote.id, seatType: b.member.seatType, choice: b.choice } });
    await audit({ visibility: 'restricted', action: 'recommendation.adopted', subjectType: 'recommendation', subjectId: reference, data: { title: spec.title, counts: tally.counts } });
    if (position === 2) {
      // Two of the members who voted against sign a dissent, published with the opinion.
      const against = ballots.filter((b) => b.choice === 'against').map((b) => b.member);
      await tx.dissent.create({
        data: {
          recommendationId: item.id,
          body: 'Publier le bruit rue par rue peut désigner des immeubles ou des commerces. Nous aurions voulu une publication par quartier seulement.',
          anonymous: false,
          createdAt: adoptedAt,
          signatures: { create: against.slice(0, 2).map((m) => ({ memberId: m.id, signedAt: adoptedAt })) },
        },
      });
    }
  }
  await tx.opinion.update({ where: { id: opinion.id }, data: { items: references } });
  await audit({ action: 'opinion.published', subjectType: 'opinion', subjectId: opinion.reference, data: { referral: referral.reference, title: opinion.title, recommendations: references } });
}
