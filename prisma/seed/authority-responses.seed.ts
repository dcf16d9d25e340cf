// The authority's answers in the demo (decision 0021): on the newest published
// opinion with at least two recommendations (the recommendations seed's), or
// — while that seed has none — on a small opinion of its own written into the
// recommendations tables: one recommendation answered (partially accepted,
// with commitments, an action and a progress report verified by the panel),
// the other overdue, so the counter and the tracking show from the first start.
import { addMonths, daysOverdue, reviewDueAt, type AuditAction } from '@sesame/domain';
import { nextReference } from '../../apps/api/src/common/references.repository';
import { OPINION_NUMBERS, RECOMMENDATION_REFERENCES, REFERRAL_REFERENCES } from '../../apps/api/src/recommendations/recommendations.repository';
import type { SeedContext } from './seed-context';

const DAY = 86_400_000;

type Item = { id: string; reference: string; dueAt: Date };

/** The newest published opinion's first two recommendations, if the recommendations seed made one. */
async function publishedItems({ tx }: SeedContext): Promise<Item[] | null> {
  const opinion = await tx.opinion.findFirst({
    where: { state: 'published', recommendations: { some: { state: 'published' } } },
    orderBy: { publishedAt: 'desc' },
    select: { responseDueAt: true, recommendations: { where: { state: 'published' }, orderBy: { position: 'asc' }, select: { id: true, reference: true } } },
  });
  if (!opinion || !opinion.responseDueAt || opinion.recommendations.length < 2) return null;
  return opinion.recommendations.slice(0, 2).map((r) => ({ ...r, dueAt: opinion.responseDueAt! }));
}

/** A published opinion of two recommendations, 75 days old with 60 days to answer (so 15 days overdue). */
async function ownOpinion({ tx, audit }: SeedContext, now: Date): Promise<Item[] | null> {
  const rapporteur = await tx.advisoryPanelMember.findFirst({ where: { state: 'active' }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  if (!rapporteur) return null;
  const publishedAt = new Date(now.getTime() - 75 * DAY);
  const dueAt = new Date(publishedAt.getTime() + 60 * DAY);
  const year = publishedAt.getUTCFullYear();
  const referral = await tx.referral.create({
    data: {
      reference: await nextReference(tx, REFERRAL_REFERENCES, year),
      source: 'own_initiative',
      state: 'closed',
      title: 'Les caméras à reconnaissance faciale du marché',
      question: 'La ville doit-elle garder la reconnaissance faciale sur les caméras du marché du dimanche ?',
      dossier: {},
      createdAt: new Date(publishedAt.getTime() - 45 * DAY),
    },
  });
  const texts = [
    { title: 'Retirer la reconnaissance faciale des caméras du marché', body: 'Le comité recommande de désactiver la reconnaissance faciale des caméras du marché du dimanche et de publier le contrat qui la prévoit.' },
    { title: 'Publier chaque année le bilan des caméras de la ville', body: 'Le comité recommande un bilan annuel public : nombre de caméras, incidents, demandes d’accès aux images, coût.' },
  ];
  const number = await nextReference(tx, OPINION_NUMBERS, year);
  const opinion = await tx.opinion.create({
    data: {
      referralId: referral.id,
      state: 'published',
      reference: number,
      title: 'Les caméras du marché du dimanche',
      context: 'Le comité s’est saisi de la question après la consultation sur les caméras du marché.',
      analysis: 'La reconnaissance faciale compare chaque visage à une liste, sans choix des personnes filmées.',
      items: [],
      publishedAt,
      responseDeadlineDays: 60,
      responseDueAt: dueAt,
    },
  });
  const items: Item[] = [];
  // nextReference reads the table: each recommendation is created before the next number is asked for.
  for (const [i, text] of texts.entries()) {
    const reference = await nextReference(tx, RECOMMENDATION_REFERENCES, year);
    const row = await tx.recommendation.create({
      data: { reference, referralId: referral.id, state: 'published', rapporteurId: rapporteur.id, version: 1, adoptedAt: new Date(publishedAt.getTime() - 5 * DAY), opinionId: opinion.id, position: i + 1 },
    });
    await tx.recommendationVersion.create({ data: { recommendationId: row.id, version: 1, title: text.title, body: text.body, amendments: [] } });
    items.push({ id: row.id, reference, dueAt });
  }
  await tx.opinion.update({ where: { id: opinion.id }, data: { items: items.map((i) => i.reference) } });
  await audit({ action: 'opinion.published', subjectType: 'opinion', subjectId: number, data: { referral: referral.reference, recommendations: items.map((i) => i.reference), responseDueAt: dueAt.toISOString() } });
  return items;
}

export async function seedDemoAuthorityResponses(context: SeedContext, now = new Date()): Promise<string[]> {
  const { tx, audit } = context;
  const items = (await publishedItems(context)) ?? (await ownOpinion(context, now));
  if (!items) return [];
  const [answered] = items as [Item, Item];
  const verifier = await tx.advisoryPanelMember.findFirst({ where: { state: 'active' }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  // Answered 5 days after the due date: late, and said so.
  const respondedAt = new Date(Math.min(now.getTime() - 10 * DAY, answered.dueAt.getTime() + 5 * DAY));
  const response = await tx.authorityResponse.create({
    data: {
      recommendationId: answered.id,
      reference: answered.reference,
      decision: 'partially_accepted',
      justification: 'La ville désactive la reconnaissance faciale au marché, mais garde les caméras elles-mêmes, utiles aux secours les jours d’affluence.',
      commitments: 'Désactiver la reconnaissance faciale sur les 6 caméras du marché ; publier le contrat avec le fournisseur, parties commerciales masquées.',
      timeline: 'Désactivation avant la fin du mois ; contrat publié dans les trois mois.',
      respondedAt,
      dueAt: answered.dueAt,
      daysLate: daysOverdue(answered.dueAt, respondedAt),
      reviewDueAt: reviewDueAt(respondedAt),
      reviewState: 'scheduled',
    },
  });
  await tx.implementationAction.create({
    data: { responseId: response.id, number: 1, title: 'Désactiver la reconnaissance faciale des caméras du marché', owner: 'Direction du numérique', status: 'done', progress: 100, dueOn: addMonths(respondedAt, 1) },
  });
  await tx.implementationAction.create({
    data: { responseId: response.id, number: 2, title: 'Publier le contrat avec le fournisseur des caméras', owner: 'Service juridique', status: 'in_progress', progress: 40, dueOn: addMonths(respondedAt, 3) },
  });
  const reportedAt = new Date(respondedAt.getTime() + 7 * DAY);
  await tx.progressReport.create({
    data: {
      responseId: response.id,
      number: 1,
      body: 'Le logiciel de reconnaissance faciale est désinstallé des 6 caméras du marché (constat du prestataire joint). Le contrat est en relecture au service juridique.',
      dueAt: addMonths(respondedAt, 3),
      submittedAt: reportedAt,
      actions: [
        { number: 1, status: 'done', progress: 100 },
        { number: 2, status: 'in_progress', progress: 40 },
      ],
      ...(verifier ? { verified: true, verificationNote: 'Deux membres du comité ont constaté la désactivation sur place.', verifiedAt: new Date(reportedAt.getTime() + 2 * DAY), verifiedByMemberId: verifier.id } : {}),
    },
  });
  const entries: [AuditAction, object][] = [
    ['authority-response.published', { decision: 'partially_accepted', dueAt: answered.dueAt.toISOString(), daysLate: daysOverdue(answered.dueAt, respondedAt) }],
    ['implementation-action.added', { number: 1 }],
    ['implementation-action.added', { number: 2 }],
    ['progress-report.filed', { number: 1 }],
  ];
  if (verifier) entries.push(['progress-report.verified', { number: 1, verified: true }]);
  for (const [action, data] of entries) await audit({ action, subjectType: 'recommendation', subjectId: answered.reference, data: data as never });
  return items.map((i) => i.reference);
}
