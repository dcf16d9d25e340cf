import {
  buildVoteMatrix,
  computeOpinionMapFromMatrix,
  mulberry32,
  OPINION_MAP_LIMITS,
  opinionMapHistory,
  opinionMapPositions,
  opinionMapView,
  voteMatrixHash,
  type OpinionVote,
  type VoteRecord,
} from '@sesame/domain';
import type { SeedContext } from './seed-context';

const HOUR = 3_600_000;
/** Synthetic demo voters (accounts « Démo 01 »…), counted by the seed test. */
export const DEMO_OPINION_VOTERS = 60;
const VOTERS = DEMO_OPINION_VOTERS;
/** Three camps of synthetic voters: against the cameras, for them, « let's see the figures first ». */
const CAMPS = [
  { share: 25, name: 'contre' },
  { share: 20, name: 'pour' },
  { share: 15, name: 'bilan' },
] as const;

type Lean = -1 | 0 | 1;
interface DemoStatement {
  text: string;
  /** How each camp leans: agree (1), disagree (−1), split (0). */
  lean: [Lean, Lean, Lean];
  seeded?: boolean;
  meta?: boolean;
  rejected?: string;
}

/** ~25 statements on the market cameras: four seeded by the organizers, one meta, one rejected with its reason. */
const STATEMENTS: DemoStatement[] = [
  { text: 'La reconnaissance faciale au marché du dimanche doit être arrêtée.', lean: [1, -1, 0], seeded: true },
  { text: 'Des caméras ordinaires, sans reconnaissance faciale, suffisent au marché.', lean: [1, 0, 1], seeded: true },
  { text: 'La sécurité des commerçants passe avant la discrétion des clients.', lean: [-1, 1, 0], seeded: true },
  { text: 'La mairie doit publier le bilan chiffré de l’expérimentation.', lean: [1, 1, 1], seeded: true },
  { text: 'Je ne veux pas que mon visage soit analysé quand je fais mes courses.', lean: [1, -1, 1] },
  { text: 'Depuis les caméras, il y a moins de vols sur les étals.', lean: [-1, 1, 0] },
  { text: 'Plus d’agents le dimanche matin serait plus efficace que des caméras.', lean: [1, -1, 1] },
  { text: 'Les images des visages ne devraient jamais être gardées plus de 48 heures.', lean: [1, 0, 1] },
  { text: 'Un panneau doit prévenir les clients à chaque entrée du marché.', lean: [1, 1, 1] },
  { text: 'Les commerçants volés devraient être indemnisés par la ville.', lean: [0, 1, 1] },
  { text: 'La reconnaissance faciale pourrait aider à retrouver un enfant perdu.', lean: [-1, 1, -1] },
  { text: 'Un comité d’habitants devrait contrôler l’usage des caméras.', lean: [1, -1, 1] },
  { text: 'Je me sens plus en sécurité au marché depuis l’installation.', lean: [-1, 1, -1] },
  { text: 'Les personnes âgées n’ont pas été informées de ce dispositif.', lean: [1, 0, 1] },
  { text: 'Il faut attendre la fin de l’expérimentation avant de décider.', lean: [-1, 1, 1] },
  { text: 'La police municipale doit pouvoir consulter les images après un vol.', lean: [-1, 1, 1] },
  { text: 'Ce genre de technologie finit toujours par être étendu ailleurs.', lean: [1, -1, 0] },
  { text: 'Un meilleur éclairage des allées réduirait les vols.', lean: [1, 0, 1] },
  { text: 'Les vendeurs du marché devraient être consultés avant toute décision.', lean: [1, 1, 1] },
  { text: 'Cet argent serait mieux dépensé pour les écoles du quartier.', lean: [1, -1, 0] },
  { text: 'Les caméras devraient être éteintes en dehors des heures de marché.', lean: [1, 0, 1] },
  { text: 'Je ne viendrais plus au marché si la reconnaissance faciale restait.', lean: [1, -1, -1] },
  { text: 'Filmer sans reconnaître les visages ne pose aucun problème.', lean: [-1, 1, 0] },
  { text: 'Ce débat devrait aussi avoir lieu en réunion publique, au marché.', lean: [0, 0, 0], meta: true },
  { text: 'Ceux qui défendent ces caméras sont des imbéciles.', lean: [1, -1, 0], rejected: 'hate_or_harassment' },
];

/**
 * The demo opinion map of the market cameras space (issue 16): synthetic
 * voters clearly labelled as such (« Démo 01 »… on @demo.sesame.test), in
 * three camps, who wrote and voted on the statements; the map computed as
 * the background recompute does (so that it shows groups at once after
 * `npm start`). Deterministic: seeded randomness. Demo only.
 */
export async function seedDemoOpinionMap({ tx, audit }: SeedContext, now = new Date()): Promise<void> {
  const proposal = await tx.proposal.findFirstOrThrow({ where: { title: 'Arrêter la reconnaissance faciale au marché du dimanche' }, select: { reference: true } });
  const space = await tx.deliberation.findUniqueOrThrow({ where: { subjectType_subjectReference: { subjectType: 'proposal', subjectReference: proposal.reference } }, select: { id: true } });
  const person = async (email: string) => (await tx.person.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const organizer = await person('organisation@demo.sesame.test');
  const moderator = await person('moderation@demo.sesame.test');
  const random = mulberry32(16);

  // The voters: a demo account each (pseudonymous, reserved .test domain), numbered in the space in order.
  const voters: { personId: string; participantId: string; camp: number }[] = [];
  const campOf = (k: number) => (k < CAMPS[0].share ? 0 : k < CAMPS[0].share + CAMPS[1].share ? 1 : 2);
  const order = Array.from({ length: VOTERS }, (_, k) => k);
  // Mixed camps in numbering order (people arrive in any order).
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  for (const [index, k] of order.entries()) {
    const label = String(index + 1).padStart(2, '0');
    const created = await tx.person.create({ data: { pseudonym: `Démo ${label}`, email: `demo-${label}@demo.sesame.test`, locale: 'fr' } });
    await audit({ action: 'person.created', subjectType: 'person', subjectId: created.id, data: { demo: true } });
    const participant = await tx.opinionParticipant.create({ data: { deliberationId: space.id, number: index + 1, personId: created.id, createdAt: new Date(now.getTime() - 22 * HOUR + index * 60_000) } });
    voters.push({ personId: created.id, participantId: participant.id, camp: campOf(k) });
  }

  // The statements: seeded ones by the organizers, the others by a voter of a camp that agrees.
  const statements: { id: string; number: number; demo: DemoStatement }[] = [];
  const authorsUsed = new Set<number>();
  for (const [index, demo] of STATEMENTS.entries()) {
    const createdAt = new Date(now.getTime() - 21 * HOUR + index * 20 * 60_000);
    let authorId = organizer;
    if (!demo.seeded) {
      const camp = demo.lean.findIndex((lean) => lean === 1);
      const author = voters.findIndex((v, k) => !authorsUsed.has(k) && (camp < 0 || v.camp === camp));
      authorsUsed.add(author);
      authorId = voters[author]!.personId;
    }
    const row = await tx.statement.create({
      data: {
        deliberationId: space.id,
        number: index + 1,
        authorId,
        seeded: demo.seeded ?? false,
        text: demo.text,
        state: demo.rejected ? 'rejected' : 'approved',
        meta: demo.meta ?? false,
        rejectionCode: demo.rejected ?? null,
        decidedById: demo.rejected || demo.meta ? moderator : null,
        decidedAt: demo.rejected || demo.meta ? new Date(createdAt.getTime() + HOUR) : null,
        createdAt,
      },
    });
    statements.push({ id: row.id, number: row.number, demo });
  }

  // The votes: each voter sees 14 to 24 statements in a random order and mostly follows their camp.
  const records: VoteRecord[] = [];
  const rows: { statementId: string; participantId: string; vote: number; votedAt: Date }[] = [];
  for (const [index, voter] of voters.entries()) {
    const seen = [...statements];
    for (let k = seen.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [seen[k], seen[j]] = [seen[j]!, seen[k]!];
    }
    const count = 14 + Math.floor(random() * 11);
    for (const [k, statement] of seen.slice(0, count).entries()) {
      const lean = statement.demo.lean[voter.camp]!;
      const draw = random();
      const vote: OpinionVote = lean === 0 ? (draw < 0.4 ? 1 : draw < 0.8 ? -1 : 0) : draw < 0.8 ? lean : draw < 0.9 ? 0 : ((-lean) as OpinionVote);
      const votedAt = new Date(now.getTime() - 20 * HOUR + index * 15 * 60_000 + k * 20_000);
      rows.push({ statementId: statement.id, participantId: voter.participantId, vote, votedAt });
      if (!statement.demo.rejected) records.push({ participant: index + 1, statement: statement.number, vote });
    }
  }
  await tx.statementVote.createMany({ data: rows });

  // The map, as the background recompute computes it (rejected statements out, meta statements zeroed).
  const meta = statements.filter((s) => s.demo.meta).map((s) => s.number);
  const matrix = buildVoteMatrix({ votes: records, zeroedStatements: meta });
  const map = computeOpinionMapFromMatrix(matrix, { metaStatements: meta });
  const inputHash = voteMatrixHash(matrix);
  const computedAt = new Date(now.getTime() - 5 * 60_000);
  const approved = statements.filter((s) => !s.demo.rejected).map((s) => ({ number: s.number, text: s.demo.text, seeded: s.demo.seeded ?? false }));
  const view = opinionMapView(map, approved, { deliberationId: space.id, computedAt: computedAt.toISOString(), inputHash, minVoters: OPINION_MAP_LIMITS.minVoters });
  await tx.opinionMapSnapshot.create({
    data: {
      deliberationId: space.id,
      algorithmVersion: map.algorithmVersion,
      inputHash,
      voters: view.voters,
      votes: view.votes,
      view: JSON.parse(JSON.stringify(view)),
      positions: JSON.parse(JSON.stringify(opinionMapPositions(map))),
      // What the next recompute warm-starts from, the next-statement priorities by number (as the background
      // recompute stores them), and what this map started from (none: the first map).
      history: JSON.parse(JSON.stringify({ ...opinionMapHistory(map), priorities: Object.fromEntries(map.statements.map((number, j) => [String(number), map.priorities[j]!])), previous: null })),
      computedAt,
    },
  });
}
