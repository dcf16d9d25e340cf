// The authority's answers in the demo (decision 0021): on the newest published
// opinion with at least two recommendations (the recommendations seed's, 75
// days old), one recommendation answered (partially accepted, with
// commitments, two actions and a progress report verified by the panel), the
// other left overdue, so the counter and the tracking show from the first start.
import { addMonths, daysOverdue, reviewDueAt, type AuditAction } from '@sesame/domain';
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

export async function seedDemoAuthorityResponses(context: SeedContext, now = new Date()): Promise<string[]> {
  const { tx, audit } = context;
  const items = await publishedItems(context);
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
