// The advisory panel's demo (issue 17): published rules; association
// representatives and experts in office; a pool of 60 volunteers who answered
// January's letters; a draw already made in public (its commitment, the 1 000
// panels, the two witnesses' seeds, the drawn panel and the report, with the
// same files the API publishes, so `npm run sortition:rerun` re-runs it); the
// twelve drawn citizens in office; and a new call for volunteers, open.
import { randomBytes, randomUUID } from 'node:crypto';
import {
  assignTerms,
  categoriesCsv,
  contactsEraseAt,
  computeDrawLottery,
  drawFromSeeds,
  PANEL_DRAW_ALGORITHM,
  PANEL_LOTTERY_SIZE,
  respondentsCsv,
  sha256Hex,
  type PanelCategory,
  type PanelRules,
  type PoolEntry,
  type Quota,
} from '@sesame/domain';
import { CALL_REFERENCES, DRAW_REFERENCES } from '../../apps/api/src/advisory-panel/advisory-panel.repository';
import { nextReference } from '../../apps/api/src/common/references.repository';
import type { SeedContext } from './seed-context';

const CATEGORIES: PanelCategory[] = [
  { category: 'genre', label: 'Genre', values: ['femme', 'homme'] },
  { category: 'age', label: 'Tranche d’âge', values: ['18-34', '35-54', '55+'] },
  { category: 'quartier', label: 'Quartier', values: ['La Noue', 'Centre ancien', 'Les Coteaux', 'Le Plateau', 'Les Jardins-Ouvriers'] },
];

export const DEMO_PANEL_RULES: PanelRules = {
  seats: { drawnCitizens: 12, associations: 4, expertsVoting: 2, expertsConsultative: 2 },
  termMonths: 24,
  rotationByThirds: true,
  quorumPercent: 50,
  adoptionThreshold: { numerator: 2, denominator: 3 },
  responseDeadlineDays: 60,
  votingMode: 'recorded',
  anonymousDissents: false,
  substitutesPerSeatType: 2,
  categories: CATEGORIES,
};

const QUOTAS: Quota[] = [
  { category: 'genre', value: 'femme', min: 6, max: 6 },
  { category: 'genre', value: 'homme', min: 6, max: 6 },
  { category: 'age', value: '18-34', min: 3, max: 5 },
  { category: 'age', value: '35-54', min: 3, max: 5 },
  { category: 'age', value: '55+', min: 3, max: 5 },
  ...['La Noue', 'Centre ancien', 'Les Coteaux', 'Le Plateau', 'Les Jardins-Ouvriers'].map((value) => ({ category: 'quartier', value, min: 2, max: 3 })),
];

/** The two witnesses' seeds, revealed at the public draw (demo values: real seeds are 32 random bytes in hex). */
export const DEMO_PANEL_SEEDS = ['5d2f0c8e9a41b7d36e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f', 'c0ffee17a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2'];

const NATURE = ['Merle', 'Tilleul', 'Lune', 'Colibri', 'Nénuphar', 'Ours brun', 'Glycine', 'Castor', 'Mésange', 'Chêne', 'Libellule', 'Renard', 'Coquelicot', 'Hérisson', 'Saule'];
const FIRST_NAMES = ['Sarah', 'Rosa', 'Bastien', 'Amina', 'Hélène', 'Marcel', 'Zoé', 'Farid', 'Lucie', 'Jo', 'Karim', 'Odile', 'Thi Mai', 'Youssef', 'Anouk'];
const INITIALS = 'BDKLM';
/** Half the volunteers chose a pseudonym, half their first name and initial. */
const PSEUDONYMS = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? `${NATURE[(i / 2) % NATURE.length]}${i >= 30 ? ' du Plateau' : ''}` : `${FIRST_NAMES[Math.floor(i / 2) % FIRST_NAMES.length]} ${INITIALS[Math.floor(i / 30)]}.`));

/** A fixed pseudo-random sequence (the demo is the same on every machine). */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function demoPool(): (PoolEntry & { displayName: string; displayMode: 'pseudonym' | 'name' })[] {
  const next = sequence(2027);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  // Self-selected volunteers are skewed: older people and La Noue answer more.
  const ages = ['18-34', '35-54', '55+', '55+', '35-54', '55+'];
  const quarters = ['La Noue', 'La Noue', 'Centre ancien', 'Les Coteaux', 'Le Plateau', 'Les Jardins-Ouvriers', 'La Noue'];
  return Array.from({ length: 60 }, (_, i) => {
    const id = `V-${String(i + 1).padStart(4, '0')}`;
    // Volunteers 10 and 11, 30 and 31 live together (two letters reached the same household): at most one of each pair can sit.
    const household = i === 10 || i === 9 ? 'lettre-0142' : i === 29 || i === 30 ? 'lettre-0377' : null;
    const name = i < PSEUDONYMS.length ? PSEUDONYMS[i]! : `Volontaire ${i + 1}`;
    return {
      id,
      household,
      values: { genre: next() < 0.55 ? 'femme' : 'homme', age: pick(ages), quartier: pick(quarters) },
      displayName: name,
      displayMode: name.includes('.') ? 'name' : 'pseudonym',
    };
  });
}

export async function seedDemoAdvisoryPanel({ tx, audit }: SeedContext): Promise<void> {
  const organizer = (await tx.person.findFirst({ where: { roles: { some: { role: 'organizer' } } }, select: { id: true } }))?.id ?? null;
  const now = new Date();
  const year = now.getUTCFullYear();
  const DAY = 86_400_000;

  // The rules.
  await tx.advisoryPanelRules.create({ data: { version: 1, rules: DEMO_PANEL_RULES as object, changeNote: 'Règles fondatrices adoptées en conseil municipal.', publishedAt: new Date(now.getTime() - 90 * DAY) } });
  await audit({ actorId: organizer, action: 'advisory-panel.rules-published', subjectType: 'advisory-panel', subjectId: null, data: { version: 1, changeNote: 'Règles fondatrices adoptées en conseil municipal.' } });

  // Associations and experts, seated by the organizers.
  const termStart = new Date(Date.UTC(year, now.getUTCMonth() - 2, 1));
  const termEnd = new Date(Date.UTC(year + 2, now.getUTCMonth() - 2, 1));
  const appointed = [
    { seatType: 'association', displayName: 'Nadia Benali', displayMode: 'name', affiliation: 'Association Numérique Solidaire', state: 'active' },
    { seatType: 'association', displayName: 'Marc Lefèvre', displayMode: 'name', affiliation: 'Ligue des droits, section locale', state: 'active' },
    { seatType: 'association', displayName: 'Quartiers Vivants', displayMode: 'pseudonym', affiliation: 'Régie de quartier', state: 'invited' },
    { seatType: 'expert_voting', displayName: 'Dr Claire Morel', displayMode: 'name', affiliation: 'Juriste, protection des données', state: 'active' },
    { seatType: 'expert_consultative', displayName: 'Samir Haddad', displayMode: 'name', affiliation: 'Chercheur en informatique', state: 'active' },
  ] as const;
  for (const m of appointed) {
    const row = await tx.advisoryPanelMember.create({ data: { ...m, position: 'titular', termStart, termEnd } });
    await audit({ actorId: organizer, action: 'panel-member.added', subjectType: 'panel-member', subjectId: row.id, data: { seatType: m.seatType, position: 'titular', displayName: m.displayName } });
  }

  // January's call (closed) and its pool.
  const januaryRef = await nextReference(tx, CALL_REFERENCES, year);
  const january = await tx.advisoryPanelCall.create({
    data: {
      reference: januaryRef,
      title: 'Tirage au sort du comité citoyen : appel de janvier',
      description: 'Lettres envoyées à 1 200 foyers tirés au hasard. Une réponse par foyer.',
      categories: CATEGORIES as object[],
      state: 'closed',
      openedAt: new Date(now.getTime() - 80 * DAY),
      closedAt: new Date(now.getTime() - 50 * DAY),
    },
  });
  const pool = await tx.advisoryPanelPool.create({ data: { label: 'Réponses à l’appel de janvier', source: 'call', callId: january.id, categories: CATEGORIES as object[], panelSize: 12, quotas: QUOTAS as object[] } });
  const entries = demoPool();
  await tx.advisoryPanelVolunteer.createMany({
    data: entries.map((e) => ({ poolId: pool.id, publicId: e.id, household: e.household, values: e.values, displayName: e.displayName, displayMode: e.displayMode })),
  });
  await audit({ actorId: organizer, action: 'panel-call.closed', subjectType: 'panel-call', subjectId: january.id, data: { reference: januaryRef } });

  // The draw: commitment, computation, seeds, panel — as the API does it.
  const files = { respondentsCsv: respondentsCsv(entries, CATEGORIES.map((c) => c.category)), categoriesCsv: categoriesCsv(QUOTAS) };
  const result = await computeDrawLottery(files, 12, PANEL_LOTTERY_SIZE);
  const witnesses = [
    { name: 'Mairie — service démocratie locale', kind: 'organizer', seed: DEMO_PANEL_SEEDS[0]! },
    { name: 'Association Numérique Solidaire', kind: 'association', seed: DEMO_PANEL_SEEDS[1]! },
  ];
  const outcome = drawFromSeeds(
    witnesses.map((w) => sha256Hex(w.seed)),
    witnesses.map((w) => w.seed),
    PANEL_LOTTERY_SIZE,
  );
  const drawn = result.panels[outcome.index]!;
  const { panels, ...stored } = result;
  const committedAt = new Date(now.getTime() - 45 * DAY);
  const drawnAt = new Date(now.getTime() - 40 * DAY);
  const reference = await nextReference(tx, DRAW_REFERENCES, year);
  const draw = await tx.advisoryPanelDraw.create({
    data: {
      reference,
      kind: 'initial',
      poolId: pool.id,
      state: 'drawn',
      panelSize: 12,
      quotas: QUOTAS as object[],
      respondentsCsv: files.respondentsCsv,
      categoriesCsv: files.categoriesCsv,
      poolSha256: sha256Hex(files.respondentsCsv),
      quotasSha256: sha256Hex(files.categoriesCsv),
      algorithm: PANEL_DRAW_ALGORITHM,
      lotterySize: PANEL_LOTTERY_SIZE,
      progress: { phase: 'done', fixedUnits: 0, units: 0, panels: panels.length, elapsedMs: result.stats.elapsedMs, updatedAt: committedAt.toISOString() },
      result: stored as unknown as object,
      panels,
      minimum: result.minimum,
      lotteryMinimum: result.lotteryMinimum,
      combinedSeed: outcome.combinedSeed,
      drawnIndex: outcome.index,
      drawnPanel: drawn,
      committedAt,
      computedAt: committedAt,
      drawnAt,
      witnesses: { create: witnesses.map((w, i) => ({ position: i + 1, name: w.name, kind: w.kind, seedHash: sha256Hex(w.seed), seed: w.seed, revealedAt: drawnAt })) },
    },
  });
  await audit({
    actorId: organizer,
    action: 'panel-draw.committed',
    subjectType: 'panel-draw',
    subjectId: draw.id,
    data: { reference, kind: 'initial', panelSize: 12, poolSha256: draw.poolSha256, quotasSha256: draw.quotasSha256, algorithm: draw.algorithm, lotterySize: draw.lotterySize, seedHashes: witnesses.map((w) => sha256Hex(w.seed)) },
  });
  await audit({ action: 'panel-draw.computed', subjectType: 'panel-draw', subjectId: draw.id, data: { reference, minimum: result.minimum, lotteryMinimum: result.lotteryMinimum, panelsSha256: sha256Hex(JSON.stringify(panels)) } });
  for (const [i, w] of witnesses.entries()) {
    await audit({ actorId: organizer, action: 'panel-draw.seed-revealed', subjectType: 'panel-draw', subjectId: draw.id, data: { reference, witness: i + 1, name: w.name, seed: w.seed } });
  }
  await audit({ actorId: organizer, action: 'panel-draw.drawn', subjectType: 'panel-draw', subjectId: draw.id, data: { reference, combinedSeed: outcome.combinedSeed, drawnIndex: outcome.index, drawnPanel: drawn } });

  // The drawn citizens, in office (one has not answered yet: still invited, to show the state), their terms by thirds.
  const volunteers = await tx.advisoryPanelVolunteer.findMany({ where: { poolId: pool.id, publicId: { in: drawn } } });
  const drawnTermStart = new Date(`${drawnAt.toISOString().slice(0, 10)}T00:00:00Z`);
  const terms = new Map(
    assignTerms({ drawn, combinedSeed: outcome.combinedSeed, termStart: drawnTermStart, termMonths: DEMO_PANEL_RULES.termMonths, rotationByThirds: DEMO_PANEL_RULES.rotationByThirds }).map((t) => [t.id, t]),
  );
  // As the API does: created in a random order (a fixed one here, for the demo) with random v4 ids, so that
  // nothing public follows the pool's order (SECURITY.md).
  const pick = sequence(1789);
  const shuffled = [...volunteers];
  for (let k = shuffled.length - 1; k > 0; k -= 1) {
    const j = Math.floor(pick() * (k + 1));
    [shuffled[k], shuffled[j]] = [shuffled[j]!, shuffled[k]!];
  }
  for (const [i, v] of shuffled.entries()) {
    const term = terms.get(v.publicId)!;
    await tx.advisoryPanelMember.create({
      data: {
        id: randomUUID(),
        seatType: 'drawn_citizen',
        position: 'titular',
        displayName: v.displayName ?? v.publicId,
        displayMode: v.displayMode,
        state: i === 0 ? 'invited' : 'active',
        termStart: drawnTermStart,
        termEnd: term.termEnd,
        rotationThird: term.third,
        volunteerId: v.id,
        drawId: draw.id,
        invitationSentAt: drawnAt,
        answeredAt: i === 0 ? null : new Date(drawnAt.getTime() + (i + 1) * 3_600_000),
      },
    });
  }
  // The pool keeps its undrawn volunteers' contacts for the retention period after this draw.
  await tx.advisoryPanelPool.update({ where: { id: pool.id }, data: { contactsEraseAt: contactsEraseAt(drawnAt) } });

  // A new call for volunteers, open (the organizers print its letters from the page).
  const openRef = await nextReference(tx, CALL_REFERENCES, year);
  const open = await tx.advisoryPanelCall.create({
    data: {
      reference: openRef,
      title: 'Rejoignez le comité citoyen : appel pour les remplacements',
      description: 'Le comité renouvelle un tiers de ses sièges tirés au sort. Si vous avez reçu une lettre, répondez avec son code : une réponse par foyer.',
      categories: CATEGORIES as object[],
      state: 'open',
      openedAt: new Date(now.getTime() - 5 * DAY),
    },
  });
  const openPool = await tx.advisoryPanelPool.create({ data: { label: 'Réponses à l’appel pour les remplacements', source: 'call', callId: open.id, categories: CATEGORIES as object[] } });
  await audit({ actorId: organizer, action: 'panel-call.opened', subjectType: 'panel-call', subjectId: open.id, data: { reference: openRef } });
  // One household answered, then withdrew with the code of its confirmation: erased as a real withdrawal is (no name,
  // answers or contact; the code's HMAC kept, its letter used), not in the journal, never counted. Its letter's code
  // and its withdrawal code are random and thrown away: nobody knows them.
  const letter = await tx.advisoryPanelInvitation.create({ data: { callId: open.id, codeHash: randomBytes(32).toString('hex'), hint: 'RTRT' } });
  await tx.advisoryPanelVolunteer.create({
    data: {
      poolId: openPool.id,
      publicId: 'V-0001',
      household: letter.id,
      values: {},
      invitationId: letter.id,
      displayName: null,
      displayMode: 'pseudonym',
      contactEmail: null,
      withdrawTokenHash: randomBytes(32).toString('hex'),
      withdrawCodeSealed: null,
      withdrawnAt: new Date(now.getTime() - 2 * DAY),
      createdAt: new Date(now.getTime() - 4 * DAY),
    },
  });
}
