import { loggedPath } from '../src/common/logging';
import { startTestApp, type TestApp } from './test-app';

/**
 * Secrecy by construction (issue 18): the ballots table must never gain a
 * way back to the voter or to the order of casting. This test reads the
 * catalogue of the migrated database and fails if `ballots` gets a person
 * reference (a column named like one, or a foreign key to people), a
 * sequence, serial or identity column, a default drawn from the clock, or a
 * time finer than the day. Change it only with docs/decisions/0019.
 */
describe('The ballots table keeps the vote secret', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('has exactly the expected columns, none naming a person, none finer than a date', async () => {
    const columns = await t.sql<{ column_name: string; data_type: string; column_default: string | null; is_identity: string; is_generated: string }>(
      "SELECT column_name, data_type, column_default, is_identity, is_generated FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'ballots' ORDER BY ordinal_position",
    );
    expect(columns.map((c) => `${c.column_name} ${c.data_type}`)).toEqual([
      'id uuid',
      'consultation_id uuid',
      'receipt character varying',
      'choices jsonb',
      'change_key_hash character varying',
      'idempotency_key_hash character varying',
      'cast_on date',
    ]);
    for (const column of columns) {
      expect(column.column_name).not.toMatch(/person|author|voter|user|people|by_id|_at$|time/i);
      expect(column.data_type).not.toMatch(/timestamp|time|interval/);
      // No default at all: no nextval(), no now(), no uuid_generate_v7/gen_random_uuid drawn by the database in cast order.
      expect(column.column_default).toBeNull();
      expect(column.is_identity).toBe('NO');
      expect(column.is_generated).toBe('NEVER');
    }
  });

  it('has no sequence owned by it and no foreign key but to its consultation', async () => {
    const sequences = await t.sql<{ name: string }>(
      "SELECT s.relname AS name FROM pg_class s JOIN pg_depend d ON d.objid = s.oid JOIN pg_class tbl ON tbl.oid = d.refobjid WHERE s.relkind = 'S' AND tbl.relname = 'ballots'",
    );
    expect(sequences).toEqual([]);
    const keys = await t.sql<{ target: string }>("SELECT confrelid::regclass::text AS target FROM pg_constraint WHERE conrelid = 'ballots'::regclass AND contype = 'f'");
    expect(keys.map((k) => k.target)).toEqual(['consultations']);
  });

  it('has no trigger (nothing may copy a ballot elsewhere with a time or a person)', async () => {
    const triggers = await t.sql("SELECT tgname FROM pg_trigger WHERE tgrelid = 'ballots'::regclass AND NOT tgisinternal");
    expect(triggers).toEqual([]);
  });

  // The ballot keeps its day: a day on the participation too would pair the only online voter of a day with their ballot.
  it('keeps participations (who) without any date or time, without a clock default, and without any ballot reference', async () => {
    const columns = await t.sql<{ column_name: string; data_type: string; column_default: string | null }>(
      "SELECT column_name, data_type, column_default FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'consultation_participations' ORDER BY ordinal_position",
    );
    expect(columns.map((c) => `${c.column_name} ${c.data_type}`)).toEqual(['consultation_id uuid', 'person_id uuid', 'channel character varying', 'station_name character varying', 'recorded_by_id uuid']);
    for (const column of columns) {
      expect(column.data_type).not.toMatch(/date|timestamp|time|interval/);
      expect(column.column_name).not.toMatch(/_on$|_at$|date|time|day|ballot|receipt|choice|idempotency|change_key/);
      expect(column.column_default ?? '').not.toMatch(/now|current_|clock|timestamp|nextval/i);
    }
    const triggers = await t.sql("SELECT tgname FROM pg_trigger WHERE tgrelid = 'consultation_participations'::regclass AND NOT tgisinternal");
    expect(triggers).toEqual([]);
  });

  it('logs ballot routes without the receipt code', () => {
    expect(loggedPath('/api/v1/consultations/CO-2027-001/ballots/7KQ2-M9XD-4RTA-ZC3H')).toBe('/api/v1/consultations/CO-2027-001/ballots/[receipt]');
    expect(loggedPath('/api/v1/consultations/CO-2027-001/receipts/7KQ2-M9XD-4RTA-ZC3H?x=1')).toBe('/api/v1/consultations/CO-2027-001/receipts/[receipt]');
    expect(loggedPath('/api/v1/consultations/CO-2027-001/ballots')).toBe('/api/v1/consultations/CO-2027-001/ballots');
  });
});
