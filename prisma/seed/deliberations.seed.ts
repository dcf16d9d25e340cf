import { DeliberationRulesSchema, type Stance } from '@sesame/domain';
import type { SeedContext } from './seed-context';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface DemoEntry {
  key: string;
  author: string;
  stance: Stance;
  body: string;
  replyTo?: string;
  /** Hours before now. */
  hoursAgo: number;
  helpfulFrom?: string[];
}

/** A living thread: every stance, replies two levels deep, helpful marks. */
const ONLINE: DemoEntry[] = [
  {
    key: 'dimanche',
    author: 'yacine@demo.sesame.test',
    stance: 'for',
    body: 'Je fais mon marché tous les dimanches avec mes enfants. Personne ne m’a demandé si l’on pouvait analyser **mon visage**. Les caméras ordinaires suffisent pour retrouver un voleur après coup.',
    hoursAgo: 20,
    helpfulFrom: ['camille@demo.sesame.test', 'lucie@demo.sesame.test', 'comite@demo.sesame.test'],
  },
  {
    key: 'bilan',
    author: 'comite@demo.sesame.test',
    stance: 'against',
    body: 'Des commerçants disent que les vols à l’étalage ont baissé depuis l’expérimentation. Avant d’arrêter, demandons le **bilan chiffré** de la police municipale : on décidera mieux avec.',
    hoursAgo: 18,
    helpfulFrom: ['lucie@demo.sesame.test'],
  },
  {
    key: 'distinguer',
    author: 'camille@demo.sesame.test',
    stance: 'question',
    body: 'Ce bilan distingue-t-il les caméras ordinaires de la reconnaissance faciale ? Sinon on ne saura pas ce qui a vraiment fait baisser les vols.',
    replyTo: 'bilan',
    hoursAgo: 16,
    helpfulFrom: ['yacine@demo.sesame.test'],
  },
  {
    key: 'rapport',
    author: 'comite@demo.sesame.test',
    stance: 'neutral',
    body: 'Bonne question : le rapport de l’an dernier ne fait pas la différence. Le comité pourrait demander les deux chiffres séparément.',
    replyTo: 'distinguer',
    hoursAgo: 14,
  },
  {
    key: 'conservation',
    author: 'lucie@demo.sesame.test',
    stance: 'question',
    body: 'Combien de temps les images des visages sont-elles gardées, et qui peut les regarder ? Le registre parle de 30 jours : c’est long pour un marché.',
    hoursAgo: 12,
    helpfulFrom: ['camille@demo.sesame.test'],
  },
  {
    key: 'partage',
    author: 'lucie@demo.sesame.test',
    stance: 'neutral',
    body: 'Je suis partagée : je comprends les commerçants, mais je voudrais qu’on essaie d’abord des mesures moins intrusives, comme plus d’agents le dimanche matin.',
    hoursAgo: 6,
  },
];

/** One sheet of the neighbourhood workshop, recorded by the facilitators' association. */
const WORKSHOP = {
  provenance: { place: 'centre social des Coteaux', facilitator: 'Association Numérique Solidaire', sheetNumber: '3' },
  daysAgo: 2,
  entries: [
    { stance: 'for' as Stance, body: 'On ne veut pas être fiché pour aller acheter des légumes.', participant: null },
    { stance: 'for' as Stance, body: 'Les personnes âgées du quartier ne savent même pas que les caméras reconnaissent les visages : il faudrait au moins des panneaux.', participant: 'Mme R., habitante des Coteaux' },
    { stance: 'against' as Stance, body: 'Mon stand a été volé deux fois l’an dernier ; depuis les caméras, plus rien. Je veux qu’on me prouve que ça marchera sans.', participant: null },
  ],
};

/** A post hidden by the moderation, with its public reason (the text stays out of every public output). */
const HIDDEN = {
  author: 'yacine@demo.sesame.test',
  stance: 'for' as Stance,
  body: 'Le vendeur de fromages, M. Duval, habite au 12 rue des Lilas : c’est lui qui a demandé ces caméras, allez lui dire ce que vous en pensez.',
  reporters: ['camille@demo.sesame.test', 'lucie@demo.sesame.test'],
  ground: { kind: 'policy', code: 'personal_data' },
  facts: 'La contribution donnait le nom et l’adresse d’un commerçant et invitait à aller le voir chez lui. Le reste du message peut être reformulé sans ces informations.',
  hoursAgo: 10,
};

/**
 * The demo deliberation on the market cameras proposal: post-moderation,
 * open for a month, contributions in every stance with replies, three entries
 * from a workshop sheet, and a contribution hidden by a moderator with its
 * statement of reasons (reported by two residents first). Demo only.
 */
export async function seedDemoDeliberation({ tx, audit }: SeedContext, now = new Date()): Promise<void> {
  const proposal = await tx.proposal.findFirstOrThrow({ where: { title: 'Arrêter la reconnaissance faciale au marché du dimanche' }, select: { reference: true, title: true } });
  const id = async (email: string) => (await tx.person.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const organizer = await id('organisation@demo.sesame.test');
  const moderator = await id('moderation@demo.sesame.test');
  const facilitator = await id('animation@demo.sesame.test');
  const openedAt = new Date(now.getTime() - DAY);
  const rules = DeliberationRulesSchema.parse({ moderation: 'post', opensAt: openedAt.toISOString(), closesAt: new Date(now.getTime() + 30 * DAY).toISOString() });

  const space = await tx.deliberation.create({ data: { subjectType: 'proposal', subjectReference: proposal.reference, openedById: organizer, createdAt: openedAt } });
  await tx.deliberationRuleVersion.create({
    data: {
      deliberationId: space.id,
      version: 1,
      moderation: rules.moderation,
      whoMayPost: rules.whoMayPost.who,
      neighbourhoodIds: [],
      opensAt: new Date(rules.opensAt),
      closesAt: new Date(rules.closesAt),
      autoHideThreshold: rules.autoHideThreshold,
      moderationPolicy: rules.moderationPolicy,
      changeNote: '',
      publishedById: organizer,
      publishedAt: openedAt,
    },
  });
  await audit({ actorId: organizer, action: 'deliberation.opened', subjectType: 'deliberation', subjectId: space.id, data: { subject: proposal.reference, title: proposal.title, moderation: rules.moderation } });

  const authors = new Set([...ONLINE.map((entry) => entry.author), HIDDEN.author]);
  for (const email of authors) await tx.deliberationCharterAcceptance.create({ data: { personId: await id(email), acceptedAt: openedAt } });

  const created = new Map<string, { id: string; depth: number }>();
  for (const entry of ONLINE) {
    const parent = entry.replyTo ? created.get(entry.replyTo)! : null;
    const row = await tx.contribution.create({
      data: {
        deliberationId: space.id,
        parentId: parent?.id ?? null,
        depth: parent ? parent.depth + 1 : 0,
        authorId: await id(entry.author),
        stance: entry.stance,
        state: 'visible',
        body: entry.body,
        helpfulCount: entry.helpfulFrom?.length ?? 0,
        createdAt: new Date(now.getTime() - entry.hoursAgo * HOUR),
      },
    });
    for (const email of entry.helpfulFrom ?? []) await tx.contributionHelpfulMark.create({ data: { contributionId: row.id, personId: await id(email) } });
    created.set(entry.key, { id: row.id, depth: row.depth });
  }

  const workshopDay = new Date(now.getTime() - WORKSHOP.daysAgo * DAY);
  const workshopDate = workshopDay.toISOString().slice(0, 10);
  const dayInWords = workshopDay.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
  for (const [index, entry] of WORKSHOP.entries.entries()) {
    await tx.contribution.create({
      data: {
        deliberationId: space.id,
        stance: entry.stance,
        state: 'visible',
        body: entry.body,
        origin: 'workshop',
        workshop: { workshopDate, ...WORKSHOP.provenance, attribution: entry.participant ?? `Atelier du ${dayInWords}, ${WORKSHOP.provenance.place}` },
        recordedById: facilitator,
        createdAt: new Date(now.getTime() - 8 * HOUR + index * 60_000),
      },
    });
  }

  const postedAt = new Date(now.getTime() - HIDDEN.hoursAgo * HOUR);
  const hidden = await tx.contribution.create({ data: { deliberationId: space.id, authorId: await id(HIDDEN.author), stance: HIDDEN.stance, state: 'hidden', body: HIDDEN.body, createdAt: postedAt } });
  for (const [index, email] of HIDDEN.reporters.entries()) {
    await tx.contributionReport.create({
      data: { contributionId: hidden.id, reporterPersonId: await id(email), reasonCode: 'personal_data', law: '', explanation: 'Nom et adresse d’un commerçant.', createdAt: new Date(postedAt.getTime() + (index + 1) * 20 * 60_000), resolvedAt: new Date(postedAt.getTime() + 2 * HOUR) },
    });
  }
  const decision = await tx.moderationDecision.create({
    data: { deliberationId: space.id, contributionId: hidden.id, subjectPersonId: await id(HIDDEN.author), decidedById: moderator, decision: 'hide', ground: HIDDEN.ground, facts: HIDDEN.facts, automatic: false, createdAt: new Date(postedAt.getTime() + 2 * HOUR) },
  });
  // What the service sends with a decision: the statement of reasons to the author, the outcome to the reporters (already e-mailed: no demo mail).
  const decidedAt = decision.createdAt;
  await tx.notification.create({
    data: { personId: await id(HIDDEN.author), kind: 'deliberation.decision', data: { title: proposal.title, decision: 'hide', reason: `${HIDDEN.ground.code} — ${HIDDEN.facts}` }, link: '/compte/moderation', createdAt: decidedAt, emailedAt: decidedAt },
  });
  for (const email of HIDDEN.reporters) {
    await tx.notification.create({ data: { personId: await id(email), kind: 'deliberation.report-outcome', data: { title: proposal.title, decision: 'hide' }, link: `/debats/${space.id}`, createdAt: decidedAt, emailedAt: decidedAt } });
  }
  await audit({ actorId: moderator, action: 'contribution.hidden', subjectType: 'contribution', subjectId: hidden.id, data: { deliberation: space.id, decision: decision.id, ground: HIDDEN.ground.code, facts: HIDDEN.facts, automatic: false } });
}
