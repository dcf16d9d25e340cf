import { ProposalContentSchema, missingForSubmission, type ProposalContentInput, type ProposalState } from '@sesame/domain';
import type { SeedContext } from './seed-context';
import { nextReference } from '../../apps/api/src/common/references.repository';
import { PROPOSAL_REFERENCES } from '../../apps/api/src/proposals/proposals.repository';

const DAY = 86_400_000;

interface DemoProposal {
  author: string;
  dataUseTitle: string | null;
  content: ProposalContentInput;
  /** The states it went through after submission, with their reasons. */
  path: { state: Exclude<ProposalState, 'draft' | 'submitted'>; reason?: string }[];
  supporters: string[];
}

/**
 * Four proposals of the demo town, at different stages: two collecting
 * supports (the market cameras one has a deliberation: deliberations.seed.ts),
 * one waiting for the organizers' admissibility decision, one declared
 * inadmissible with its published reason. Demo only.
 */
const DEMO_PROPOSALS: DemoProposal[] = [
  {
    author: 'yacine@demo.sesame.test',
    dataUseTitle: 'Contrôler l’entrée à la cantine scolaire par la forme de la main',
    content: {
      kind: 'replace',
      title: 'Remplacer le lecteur de main de la cantine par une carte ou une liste',
      body: 'La ville retire les lecteurs biométriques des cantines et les remplace par une carte sans photo, ou par la liste d’appel tenue par les agents, comme dans les écoles voisines.\n\n- les gabarits de main déjà enregistrés sont effacés ;\n- les familles en sont informées par écrit.',
      why: 'Un enfant n’a pas à donner une mesure de son corps pour manger. Une carte perdue se remplace ; une main ne se change pas si les données fuient.',
      expectedEffect: 'Plus aucune donnée biométrique d’enfant collectée par la ville, sans allonger la file d’attente.',
    },
    path: [{ state: 'admissible' }],
    supporters: ['yacine@demo.sesame.test', 'comite@demo.sesame.test'],
  },
  {
    author: 'comite@demo.sesame.test',
    dataUseTitle: 'Noter les demandes de logement social pour préparer les commissions d’attribution',
    content: {
      kind: 'restrict',
      title: 'Publier les critères et les poids de la notation des demandes de logement',
      body: 'La ville publie la liste des critères de la grille de notation, le poids de chacun et un exemple de calcul, et envoie à chaque demandeur le détail de sa note.',
      why: 'Les demandeurs ne savent pas pourquoi leur dossier passe après d’autres ; la loi prévoit déjà qu’une décision prise avec un algorithme soit expliquée.',
      expectedEffect: 'Chacun peut vérifier sa note et la contester ; la commission garde le dernier mot.',
    },
    path: [],
    supporters: [],
  },
  {
    author: 'camille@demo.sesame.test',
    dataUseTitle: null,
    content: {
      kind: 'register_unlisted',
      unlistedDataUse: 'Les bornes Wi-Fi gratuites du centre commercial des Coteaux, qui détecteraient les téléphones des passants.',
      title: 'Inscrire au registre les bornes Wi-Fi du centre commercial',
      body: 'Vérifier si les bornes Wi-Fi du centre commercial comptent les téléphones qui passent et, si c’est le cas, ajouter cet usage au registre.',
      why: 'Des affiches parlent de « mesure de fréquentation » sans dire qui garde les données ni combien de temps.',
      expectedEffect: 'Savoir qui collecte quoi, et pouvoir s’y opposer.',
    },
    path: [{ state: 'inadmissible', reason: 'Le centre commercial est un lieu privé : ses bornes ne relèvent pas de la ville. Le service démocratie locale a transmis la question à la CNIL et à l’association des commerçants.' }],
    supporters: [],
  },
  {
    author: 'camille@demo.sesame.test',
    dataUseTitle: 'Identifier les visages des passants au marché du dimanche',
    content: {
      kind: 'ban',
      title: 'Arrêter la reconnaissance faciale au marché du dimanche',
      body: 'La ville arrête l’expérimentation de reconnaissance faciale sur les caméras du marché du dimanche :\n\n- le logiciel d’analyse des visages est désinstallé ;\n- les images de visages déjà analysées sont effacées ;\n- les caméras ordinaires restent, avec des panneaux qui disent qui regarde les images.',
      why: 'Des milliers de personnes passent au marché chaque dimanche sans rien avoir à se reprocher. Analyser leur visage pour retrouver quelques voleurs est disproportionné, et l’arrêté préfectoral ne couvre pas la reconnaissance faciale.',
      expectedEffect: 'Plus aucun visage analysé au marché ; un bilan public de l’expérimentation avant toute nouvelle demande.',
    },
    path: [{ state: 'admissible' }],
    supporters: ['camille@demo.sesame.test', 'yacine@demo.sesame.test', 'lucie@demo.sesame.test'],
  },
];

export async function seedDemoProposals({ tx, audit }: SeedContext, now = new Date()): Promise<string[]> {
  const territory = await tx.territory.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
  const organizer = await tx.person.findUniqueOrThrow({ where: { email: 'organisation@demo.sesame.test' }, select: { id: true } });
  const references: string[] = [];
  for (const [index, demo] of DEMO_PROPOSALS.entries()) {
    const content = ProposalContentSchema.parse(demo.content);
    const missing = missingForSubmission({ ...content, dataUseReference: demo.dataUseTitle ? 'DU-0000-000' : null });
    if (missing.length > 0) throw new Error(`Seed proposal "${content.title}" is not submittable: ${missing.map((m) => m.path).join(', ')}`);
    const author = await tx.person.findUniqueOrThrow({ where: { email: demo.author }, select: { id: true } });
    const dataUse = demo.dataUseTitle ? await tx.dataUse.findFirstOrThrow({ where: { title: demo.dataUseTitle }, select: { id: true } }) : null;
    const reference = await nextReference(tx, PROPOSAL_REFERENCES, now.getUTCFullYear());
    // Submitted a few days apart, so lists have an order.
    const submittedAt = new Date(now.getTime() - (12 - index * 3) * DAY);
    const admitted = demo.path.some((step) => step.state === 'admissible');
    const proposal = await tx.proposal.create({
      data: {
        reference,
        authorId: author.id,
        state: demo.path.at(-1)?.state ?? 'submitted',
        kind: content.kind,
        dataUseId: dataUse?.id ?? null,
        unlistedDataUse: content.unlistedDataUse,
        title: content.title,
        body: content.body,
        why: content.why,
        expectedEffect: content.expectedEffect,
        charterAcceptedAt: submittedAt,
        submittedAt,
        threshold: admitted ? territory.supportThreshold : null,
        collectingUntil: admitted ? new Date(submittedAt.getTime() + DAY + territory.supportWindowDays * DAY) : null,
        ...(demo.supporters.length > 0 ? { supportTallies: { create: { shard: 0, count: demo.supporters.length } } } : {}),
      },
    });
    await tx.proposalEvent.create({ data: { proposalId: proposal.id, state: 'submitted', actorId: author.id, createdAt: submittedAt } });
    await audit({ action: 'proposal.submitted', subjectType: 'proposal', subjectId: reference, data: { title: content.title } });
    for (const step of demo.path) {
      await tx.proposalEvent.create({ data: { proposalId: proposal.id, state: step.state, reason: step.reason ?? '', actorId: organizer.id, createdAt: new Date(submittedAt.getTime() + DAY) } });
      await audit({ action: `proposal.${step.state}`, subjectType: 'proposal', subjectId: reference, data: { title: content.title, ...(step.reason ? { reason: step.reason } : {}) } });
    }
    for (const email of demo.supporters) {
      const supporter = await tx.person.findUniqueOrThrow({ where: { email }, select: { id: true } });
      await tx.proposalSupport.create({ data: { proposalId: proposal.id, personId: supporter.id } });
    }
    references.push(reference);
  }
  return references;
}
