import { startTestApp, type TestApp } from '../../test/test-app';
import { DATA_USE_REFERENCES } from '../data-uses/data-uses.repository';
import { PrismaService } from '../prisma/prisma.service';
import { PROPOSAL_REFERENCES } from '../proposals/proposals.repository';
import { nextReference, type ReferenceSeries } from './references.repository';

describe('yearly references', () => {
  let t: TestApp;
  let prisma: PrismaService;
  // A series shaped like the opinions to come ("AVIS n° 2027-003"), on a table of its own.
  const opinions: ReferenceSeries = { prefix: 'AVIS n° ', table: 'reference_probe', lock: 'proposalReferences' };

  /** Numbers and stores one reference in one transaction, as a feature does. */
  const create = (year: number) =>
    prisma.$transaction(async (tx) => {
      const reference = await nextReference(tx, opinions, year);
      await tx.$executeRaw`INSERT INTO reference_probe (reference) VALUES (${reference})`;
      return reference;
    });

  beforeAll(async () => {
    t = await startTestApp();
    prisma = t.app.get(PrismaService);
    await t.sql('CREATE TABLE reference_probe (reference text PRIMARY KEY)');
  });
  afterAll(() => t.close());

  it('starts each year at 001 and counts up', async () => {
    expect(await create(2027)).toBe('AVIS n° 2027-001');
    expect(await create(2027)).toBe('AVIS n° 2027-002');
    expect(await create(2028)).toBe('AVIS n° 2028-001');
  });

  it('counts past 999 by number, not by text order', async () => {
    await t.sql("INSERT INTO reference_probe (reference) VALUES ('AVIS n° 2029-999'), ('AVIS n° 2029-1000'), ('AVIS n° 2029-brouillon')");
    expect(await create(2029)).toBe('AVIS n° 2029-1001');
  });

  it('gives concurrent transactions distinct references', async () => {
    const references = await Promise.all(Array.from({ length: 6 }, () => create(2030)));
    expect([...references].sort()).toEqual(['001', '002', '003', '004', '005', '006'].map((n) => `AVIS n° 2030-${n}`));
  });

  it('numbers the features\' own series', async () => {
    expect(await prisma.$transaction((tx) => nextReference(tx, DATA_USE_REFERENCES, 2031))).toBe('DU-2031-001');
    expect(await prisma.$transaction((tx) => nextReference(tx, PROPOSAL_REFERENCES, 2031))).toBe('PR-2031-001');
  });
});
