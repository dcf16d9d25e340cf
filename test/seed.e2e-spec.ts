import { DataUseContentSchema, missingForPublication, parseBallotList, verifyBallotList } from '@sesame/domain';
import { Client } from 'pg';
import { AdvisoryPanelRepository } from '../apps/api/src/advisory-panel/advisory-panel.repository';
import { PrismaService } from '../apps/api/src/prisma/prisma.service';
import { OWN_PROCESSING_TITLE, PLATFORM_AUTHOR_ID } from '../prisma/seed/data-uses.seed';
import { seedDemo } from '../prisma/seed/seed';
import { DEMO_ACCOUNTS } from '../prisma/seed/people.seed';
import { DEMO_OPINION_VOTERS } from '../prisma/seed/opinion-map.seed';
import { DEMO_NEIGHBOURHOODS } from '../prisma/seed/territory.seed';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createTestDatabase } = require('./test-database') as { createTestDatabase(): Promise<{ url: string; drop(): Promise<unknown> }> };

async function query<Row>(url: string, sql: string): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

interface SeededDataUse {
  reference: string;
  state: string;
  title: string;
  created_by_id: string;
  content: unknown;
  audited: number;
}

/** The register as seeded: each record's current version and its public publication entries. */
function register(url: string): Promise<SeededDataUse[]> {
  return query<SeededDataUse>(
    url,
    `SELECT d.reference, d.state, d.title, d.created_by_id, v.content,
            (SELECT count(*)::int FROM audit_entries a
              WHERE a.action = 'data-use.published' AND a.subject_type = 'data-use' AND a.subject_id = d.reference AND a.visibility = 'public') AS audited
       FROM data_uses d JOIN data_use_versions v ON v.data_use_id = d.id AND v.version = d.current_version
      ORDER BY d.reference`,
  );
}

/** Every seeded record is published, complete, valid and audited once. */
function expectPublishable(records: SeededDataUse[]): void {
  for (const record of records) {
    expect(record.state).toBe('published');
    const content = DataUseContentSchema.parse(record.content);
    expect({ reference: record.reference, missing: missingForPublication(content) }).toEqual({ reference: record.reference, missing: [] });
    expect(content.title).toBe(record.title);
    expect(record.audited).toBe(1);
  }
}

describe('Demo seed', () => {
  it('seeds the territory, neighbourhoods and demo accounts once, each audited', async () => {
    const database = await createTestDatabase();
    try {
      expect(await seedDemo(database.url, { demoAccounts: true })).toBe('seeded');
      expect(await seedDemo(database.url, { demoAccounts: true })).toBe('already-seeded');
      const [counts] = await query<{ territories: number; neighbourhoods: number; people: number; roles: number }>(
        database.url,
        'SELECT (SELECT count(*)::int FROM territories) AS territories, (SELECT count(*)::int FROM neighbourhoods) AS neighbourhoods, (SELECT count(*)::int FROM people) AS people, (SELECT count(*)::int FROM person_roles) AS roles',
      );
      const roleCount = DEMO_ACCOUNTS.reduce((sum, account) => sum + account.roles.length, 0);
      expect(counts).toEqual({ territories: 1, neighbourhoods: DEMO_NEIGHBOURHOODS.length, people: DEMO_ACCOUNTS.length + DEMO_OPINION_VOTERS, roles: roleCount });
      const actions = await query<{ action: string; n: number }>(database.url, 'SELECT action, count(*)::int AS n FROM audit_entries GROUP BY action ORDER BY action');
      const verified = DEMO_ACCOUNTS.filter((account) => account.neighbourhood).length;
      expect(actions).toEqual([
        // The advisory panel: its rules, a call closed after its draw and one open, the draw made in public (two witnesses), association and expert members.
        { action: 'advisory-panel.rules-published', n: 1 },
        // The authority's answer to one recommendation of the demo opinion, partially accepted, tracked and verified (the other is overdue).
        { action: 'authority-response.published', n: 1 },
        // Consultations in every phase: six prepared, five published; the closed one's close, list and results; hearings, an answer,
        // a station's count on the closed one (entered, then confirmed by a second officer) and another, unconfirmed, on the one in its vote.
        { action: 'consultation.ballot-list-published', n: 1 },
        { action: 'consultation.created', n: 6 },
        { action: 'consultation.hearing-published', n: 4 },
        { action: 'consultation.paper-count-confirmed', n: 1 },
        { action: 'consultation.paper-count-recorded', n: 2 },
        { action: 'consultation.phase-opened', n: 7 },
        { action: 'consultation.published', n: 5 },
        { action: 'consultation.question-answered', n: 1 },
        { action: 'consultation.results-published', n: 1 },
        { action: 'consultation.vote-closed', n: 1 },
        { action: 'consultation.vote-opened', n: 2 },
        { action: 'contribution.hidden', n: 1 },
        { action: 'data-use.published', n: 7 },
        { action: 'deliberation.opened', n: 2 },
        { action: 'implementation-action.added', n: 2 },
        { action: 'neighbourhood.created', n: DEMO_NEIGHBOURHOODS.length },
        // Panel recommendations: the town's request, a session, two recommendations (one amended) adopted and published in an opinion.
        { action: 'opinion.published', n: 1 },
        { action: 'panel-call.closed', n: 1 },
        { action: 'panel-call.opened', n: 1 },
        { action: 'panel-draw.committed', n: 1 },
        { action: 'panel-draw.computed', n: 1 },
        { action: 'panel-draw.drawn', n: 1 },
        { action: 'panel-draw.seed-revealed', n: 2 },
        { action: 'panel-member.added', n: 5 },
        { action: 'panel-session.held', n: 1 },
        { action: 'person.created', n: DEMO_ACCOUNTS.length + DEMO_OPINION_VOTERS },
        { action: 'platform.seeded', n: 1 },
        { action: 'progress-report.filed', n: 1 },
        { action: 'progress-report.verified', n: 1 },
        { action: 'proposal.admissible', n: 2 },
        { action: 'proposal.inadmissible', n: 1 },
        { action: 'proposal.submitted', n: 4 },
        { action: 'recommendation.adopted', n: 2 },
        { action: 'recommendation.amendments-merged', n: 1 },
        { action: 'recommendation.drafted', n: 2 },
        { action: 'referral.created', n: 1 },
        // The demo accounts of a neighbourhood, and the closed consultation's 30 station voters (verified residents of La Noue).
        { action: 'resident.verified', n: verified + 30 },
        { action: 'role.granted', n: roleCount },
        { action: 'territory.created', n: 1 },
      ]);
      // Consultations in every phase; the closed one's ballot list checks against the hash in the audit log and gives its published result.
      const consultations = await query<{ state: string; ballots: number }>(database.url, 'SELECT state, (SELECT count(*)::int FROM ballots b WHERE b.consultation_id = c.id) AS ballots FROM consultations c ORDER BY reference');
      expect(consultations).toEqual([
        { state: 'results', ballots: 4 },
        { state: 'vote', ballots: 2 },
        { state: 'deliberation', ballots: 0 },
        { state: 'information', ballots: 0 },
        { state: 'scheduled', ballots: 0 },
        { state: 'draft', ballots: 0 },
      ]);
      const [closed] = await query<{ ballot_list: string; hash: string }>(database.url, "SELECT c.ballot_list, a.data->>'ballotsSha256' AS hash FROM consultations c JOIN audit_entries a ON a.action = 'consultation.ballot-list-published' AND a.data->>'reference' = c.reference WHERE c.state = 'results'");
      const parsed = parseBallotList(JSON.parse(closed!.ballot_list));
      if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
      expect(verifyBallotList(parsed.list, closed!.hash)).toMatchObject({ ok: true, fileHashMatches: true, auditHashMatches: true, resultMatches: true });
      expect(parsed.list.result).toMatchObject({ method: 'majority_judgment', winners: ['retirer'], ballots: { online: 4, paper: 30, total: 34 } });
      // The consultation in its vote shows a newcomer a station's count record waiting for a second officer: unconfirmed, counted nowhere.
      const records = await query<{ state: string; station: string; confirmed: boolean; entered_by: string; recorded_there: number }>(
        database.url,
        "SELECT c.state, p.station_name AS station, p.confirmed_by_id IS NOT NULL AS confirmed, e.email AS entered_by, (SELECT count(*)::int FROM consultation_participations cp WHERE cp.consultation_id = c.id AND cp.station_name = p.station_name) AS recorded_there FROM consultation_paper_counts p JOIN consultations c ON c.id = p.consultation_id JOIN people e ON e.id = p.entered_by_id ORDER BY c.reference",
      );
      expect(records).toEqual([
        { state: 'results', station: 'Bureau 1 — Mairie annexe de La Noue', confirmed: true, entered_by: 'animation@demo.sesame.test', recorded_there: 30 },
        { state: 'vote', station: 'Bureau 2 — École Jules-Ferry', confirmed: false, entered_by: 'animation@demo.sesame.test', recorded_there: 12 },
      ]);
      // The journal tells the closed consultation's count as the API writes it: entered by one officer, confirmed by another.
      const countEntries = await query<{ state: string; action: string; actor: string; data: Record<string, unknown> }>(
        database.url,
        "SELECT c.state, a.action, p.email AS actor, a.data FROM audit_entries a JOIN consultations c ON c.id::text = a.subject_id::text LEFT JOIN people p ON p.id::text = a.actor_id::text WHERE a.action IN ('consultation.paper-count-recorded', 'consultation.paper-count-confirmed') ORDER BY a.seq",
      );
      expect(countEntries).toEqual([
        { state: 'results', action: 'consultation.paper-count-recorded', actor: 'animation@demo.sesame.test', data: { reference: expect.any(String), station: 'Bureau 1 — Mairie annexe de La Noue', place: 'Salle polyvalente, 3 place du Marché', ballots: 30 } },
        { state: 'results', action: 'consultation.paper-count-confirmed', actor: 'organisation@demo.sesame.test', data: { reference: expect.any(String), station: 'Bureau 1 — Mairie annexe de La Noue' } },
        { state: 'vote', action: 'consultation.paper-count-recorded', actor: 'animation@demo.sesame.test', data: { reference: expect.any(String), station: 'Bureau 2 — École Jules-Ferry', place: 'Préau de l’école Jules-Ferry, 12 rue des Écoles', ballots: 12 } },
      ]);
      const published = await query<{ results: string | null; ballot_list: string | null }>(database.url, 'SELECT results::text AS results, ballot_list FROM consultations WHERE results IS NOT NULL OR ballot_list IS NOT NULL');
      expect(published).toHaveLength(1);
      for (const { results, ballot_list } of published) {
        expect(`${results}${ballot_list}`).not.toContain('École Jules-Ferry');
      }
      expect(parsed.list.paperTotals.map((p) => p.station)).toEqual(['Bureau 1 — Mairie annexe de La Noue']);

      // A published opinion with two recommendations, its response deadline passed (the town's answers are seeded by authority-responses), a dissent on the second.
      const opinions = await query<{ reference: string; overdue: boolean; items: number; dissents: number; versions: number }>(
        database.url,
        "SELECT o.reference, o.response_due_at < now() AS overdue, (SELECT count(*)::int FROM recommendations r WHERE r.opinion_id = o.id AND r.state = 'published') AS items, (SELECT count(*)::int FROM dissents d JOIN recommendations r ON r.id = d.recommendation_id WHERE r.opinion_id = o.id) AS dissents, (SELECT max(version)::int FROM recommendations r WHERE r.opinion_id = o.id) AS versions FROM opinions o WHERE o.state = 'published'",
      );
      expect(opinions).toEqual([{ reference: expect.stringMatching(/^\d{4}-001$/), overdue: true, items: 2, dissents: 1, versions: 2 }]);
      const votes = await query<{ outcome: string; ballots: number }>(database.url, 'SELECT outcome::text, (SELECT count(*)::int FROM panel_vote_participations p WHERE p.vote_id = v.id) AS ballots FROM panel_votes v ORDER BY ballots');
      expect(votes).toEqual([{ outcome: 'adopted', ballots: 13 }, { outcome: 'adopted', ballots: 14 }]);

      // Demo residents are verified, so they can support proposals; the proposals' counts match their supports.
      expect(await query(database.url, 'SELECT person_id FROM resident_verifications')).toHaveLength(verified + 30);
      // Review M4: the closed consultation's turnout counts its station voters among the eligible (never above 100 %).
      const [turnout] = await query<{ eligible: number; participants: number; percent: string }>(database.url, "SELECT (results->'turnout'->>'eligible')::int AS eligible, (results->'turnout'->>'participants')::int AS participants, results->'turnout'->>'percent' AS percent FROM consultations WHERE state = 'results'");
      expect(turnout!.participants).toBe(34);
      expect(turnout!.eligible).toBeGreaterThanOrEqual(34);
      expect(Number(turnout!.percent)).toBeLessThanOrEqual(100);
      const proposals = await query<{ state: string; support_count: number; supports: number; events: number }>(
        database.url,
        'SELECT state, (SELECT COALESCE(sum(t.count), 0)::int FROM proposal_support_tallies t WHERE t.proposal_id = p.id) AS support_count, (SELECT count(*)::int FROM proposal_supports s WHERE s.proposal_id = p.id) AS supports, (SELECT count(*)::int FROM proposal_events e WHERE e.proposal_id = p.id) AS events FROM proposals p ORDER BY reference',
      );
      expect(proposals).toEqual([
        { state: 'admissible', support_count: 2, supports: 2, events: 2 },
        { state: 'submitted', support_count: 0, supports: 0, events: 1 },
        { state: 'inadmissible', support_count: 0, supports: 0, events: 2 },
        { state: 'admissible', support_count: 3, supports: 3, events: 2 },
      ]);
      // The deliberation on the market cameras proposal: every stance, replies, a workshop sheet, one post hidden with its reason.
      const contributions = await query<{ stance: string; state: string; origin: string; depth: number; helpful_count: number; marks: number }>(
        database.url,
        'SELECT stance, state, origin, depth, helpful_count, (SELECT count(*)::int FROM contribution_helpful_marks m WHERE m.contribution_id = c.id) AS marks FROM contributions c',
      );
      expect(new Set(contributions.map((c) => c.stance))).toEqual(new Set(['for', 'against', 'question', 'neutral']));
      expect(Math.max(...contributions.map((c) => c.depth))).toBe(2);
      expect(contributions.filter((c) => c.origin === 'workshop')).toHaveLength(3);
      expect(contributions.filter((c) => c.state === 'hidden')).toHaveLength(1);
      expect(contributions.every((c) => c.helpful_count === c.marks)).toBe(true);
      const [decision] = await query<{ decision: string; ground: { code: string }; reporters: number }>(
        database.url,
        'SELECT decision, ground, (SELECT count(*)::int FROM contribution_reports r WHERE r.contribution_id = d.contribution_id) AS reporters FROM moderation_decisions d',
      );
      expect(decision).toEqual({ decision: 'hide', ground: { kind: 'policy', code: 'personal_data' }, reporters: 2 });
      // The author has the statement of reasons in their notifications, the reporters the outcome.
      const notices = await query<{ kind: string; n: number }>(database.url, "SELECT kind, count(*)::int AS n FROM notifications WHERE kind LIKE 'deliberation.%' GROUP BY kind ORDER BY kind");
      expect(notices).toEqual([
        { kind: 'deliberation.decision', n: 1 },
        { kind: 'deliberation.report-outcome', n: 2 },
      ]);
      // The authority's answers: one recommendation answered and tracked, the other overdue (the home page's counter).
      const answers = await query<{ decision: string | null; days_overdue: number; actions: number; verified: boolean | null }>(
        database.url,
        `SELECT a.decision, GREATEST(0, floor(extract(epoch FROM now() - o.response_due_at) / 86400))::int AS days_overdue,
                (SELECT count(*)::int FROM implementation_actions i WHERE i.response_id = a.id) AS actions,
                (SELECT bool_and(p.verified) FROM progress_reports p WHERE p.response_id = a.id) AS verified
           FROM recommendations r JOIN opinions o ON o.id = r.opinion_id LEFT JOIN authority_responses a ON a.recommendation_id = r.id
          WHERE r.state = 'published' ORDER BY r.position`,
      );
      expect(answers).toEqual([
        { decision: 'partially_accepted', days_overdue: 15, actions: 2, verified: true },
        { decision: null, days_overdue: 15, actions: 0, verified: null },
      ]);
      // The open call: one household answered then withdrew, erased as a real withdrawal is; it is not counted in the
      // call's public figures (the API's count of the pool's volunteers, through its repository) nor in its households.
      const [openCall] = await query<{ reference: string; pool_id: string }>(
        database.url,
        "SELECT c.reference, p.id AS pool_id FROM advisory_panel_calls c JOIN advisory_panel_pools p ON p.call_id = c.id WHERE c.state = 'open'",
      );
      const withdrawn = await query<{ public_id: string; display_name: string | null; contact_email: string | null; values: unknown; withdrawn: boolean; hashed: boolean; sealed: string | null; letter: boolean }>(
        database.url,
        `SELECT public_id, display_name, contact_email, values, withdrawn_at IS NOT NULL AS withdrawn, withdraw_token_hash IS NOT NULL AS hashed, withdraw_code_sealed AS sealed, invitation_id IS NOT NULL AS letter
           FROM advisory_panel_volunteers WHERE pool_id = '${openCall!.pool_id}'`,
      );
      expect(withdrawn).toEqual([{ public_id: 'V-0001', display_name: null, contact_email: null, values: {}, withdrawn: true, hashed: true, sealed: null, letter: true }]);
      const prisma = new PrismaService({ DATABASE_URL: database.url } as never);
      try {
        const publicCall = await new AdvisoryPanelRepository(prisma).call(openCall!.reference);
        expect(publicCall!.pool!._count.volunteers).toBe(0);
        expect(await new AdvisoryPanelRepository(prisma).countHouseholds(openCall!.pool_id)).toBe(0);
      } finally {
        await prisma.$disconnect();
      }
      // E-mail addresses never reach the public log.
      const leaks = await query(database.url, "SELECT seq FROM audit_entries WHERE data::text LIKE '%@%'");
      expect(leaks).toEqual([]);
    } finally {
      await database.drop();
    }
  }, 60_000); // The whole demo, consultations and their close included, in one transaction: slower than the default on a shared machine.

  it('publishes the register: Sésame’s own processing first, then six uses of the demo town', async () => {
    const database = await createTestDatabase();
    try {
      await seedDemo(database.url, { demoAccounts: true });
      const records = await register(database.url);
      const year = new Date().getUTCFullYear();
      expect(records.map((r) => r.reference)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `DU-${year}-00${n}`));
      expect(records[0]).toMatchObject({ reference: `DU-${year}-001`, title: OWN_PROCESSING_TITLE, created_by_id: PLATFORM_AUTHOR_ID });
      expectPublishable(records);
      // The demo records are signed by the demo data protection officer.
      const [authority] = await query<{ id: string }>(database.url, "SELECT id FROM people WHERE email = 'mairie@demo.sesame.test'");
      expect(new Set(records.slice(1).map((r) => r.created_by_id))).toEqual(new Set([authority!.id]));

      const contents = records.map((r) => DataUseContentSchema.parse(r.content));
      const own = contents[0]!;
      expect(own.legal.specialCategories).toEqual([]);
      expect(own.automation.level).toBe('information');
      expect(own.lifecycle.status).toBe('operational');
      expect(own.processors).toEqual([]);
      // The face-recognition pilot at the market keeps face images 30 days.
      const market = contents.find((c) => c.title.includes('marché'))!;
      expect(market.legal.specialCategories.map((s) => s.category)).toEqual(['biometric_identification']);
      expect(market.data.categories.find((c) => c.name === 'Image du visage')?.retention).toBe('30 jours');
      // Every demo record offers a non-invasive alternative and says what its data reveals.
      for (const content of contents.slice(1)) {
        expect(content.alternatives.some((a) => a.nonInvasive)).toBe(true);
        expect(content.data.categories.every((c) => c.reveals !== '')).toBe(true);
      }
      // One review overdue to show in the demo; the others ahead; the own record due in a year.
      const today = new Date().toISOString().slice(0, 10);
      expect(contents.filter((c) => c.lifecycle.reviewDate! < today)).toHaveLength(1);
      expect(own.lifecycle.reviewDate! > today).toBe(true);
      // Exactly one withheld field (the first supplier's contract, named by its item id), with its published reason.
      const withheld = contents.find((c) => c.redactions.length > 0)!;
      expect(contents.flatMap((c) => c.redactions)).toEqual([{ field: `processors.${withheld.processors[0]!.id}.contractReference`, reason: expect.stringMatching(/.{20,}/) }]);
      // The filter columns repeat the content.
      const [markets] = await query<{ n: number }>(database.url, "SELECT count(*)::int AS n FROM data_uses WHERE 'biometric_identification' = ANY(special_categories) AND lifecycle_status = 'pilot'");
      expect(markets!.n).toBe(1);

      // Seeding again adds nothing.
      expect(await seedDemo(database.url, { demoAccounts: true })).toBe('already-seeded');
      expect(await register(database.url)).toHaveLength(7);
    } finally {
      await database.drop();
    }
  });

  it('creates no demo account in production', async () => {
    const database = await createTestDatabase();
    try {
      await seedDemo(database.url, { demoAccounts: false });
      expect(await query(database.url, 'SELECT id FROM people')).toEqual([]);
      expect(await query(database.url, 'SELECT id FROM proposals')).toEqual([]);
      expect(await query(database.url, 'SELECT id FROM neighbourhoods')).toHaveLength(DEMO_NEIGHBOURHOODS.length);
      // Only the platform's own record, signed by the platform itself.
      const records = await register(database.url);
      expect(records).toEqual([expect.objectContaining({ reference: `DU-${new Date().getUTCFullYear()}-001`, title: OWN_PROCESSING_TITLE, created_by_id: PLATFORM_AUTHOR_ID })]);
      expectPublishable(records);
      expect(await seedDemo(database.url, { demoAccounts: false })).toBe('already-seeded');
      expect(await register(database.url)).toHaveLength(1);
    } finally {
      await database.drop();
    }
  });
});
