import { CommitDrawSchema, PanelCategoriesSchema, PanelRulesSchema, QuotaSchema, RevealSeedSchema } from './advisory-panel.schema';

const rules = {
  seats: { drawnCitizens: 12, associations: 4, expertsVoting: 2, expertsConsultative: 2 },
  termMonths: 24,
  rotationByThirds: true,
  quorumPercent: 50,
  adoptionThreshold: { numerator: 2, denominator: 3 },
  categories: [{ category: 'genre', values: ['femme', 'homme'] }],
};
const hash = (c: string) => c.repeat(64);

describe('advisory panel contracts', () => {
  it('accepts rules where drawn citizens hold the majority, and defaults the response deadline to 60 days', () => {
    expect(PanelRulesSchema.parse(rules).responseDeadlineDays).toBe(60);
  });
  it('refuses rules where drawn citizens are not the majority', () => {
    const r = PanelRulesSchema.safeParse({ ...rules, seats: { ...rules.seats, drawnCitizens: 8 } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['seats', 'drawnCitizens']);
  });
  it('refuses a quota whose minimum exceeds its maximum', () => {
    expect(QuotaSchema.safeParse({ category: 'genre', value: 'femme', min: 3, max: 2 }).success).toBe(false);
  });
  it('needs the organizer and another witness, each with their own seed hash', () => {
    const poolId = '0190f0a0-0000-7000-8000-000000000000';
    expect(CommitDrawSchema.safeParse({ poolId, witnesses: [{ name: 'Mairie', kind: 'organizer', seedHash: hash('a') }] }).success).toBe(false);
    expect(CommitDrawSchema.safeParse({ poolId, witnesses: [{ name: 'Mairie', kind: 'organizer', seedHash: hash('a') }, { name: 'Mairie bis', kind: 'organizer', seedHash: hash('b') }] }).success).toBe(false);
    expect(CommitDrawSchema.safeParse({ poolId, witnesses: [{ name: 'Mairie', kind: 'organizer', seedHash: hash('a') }, { name: 'Asso', kind: 'association', seedHash: hash('a') }] }).success).toBe(false);
    expect(CommitDrawSchema.safeParse({ poolId, witnesses: [{ name: 'Mairie', kind: 'organizer', seedHash: hash('a') }, { name: 'Asso', kind: 'association', seedHash: hash('B') }] }).success).toBe(true);
  });
  it('refuses a revealed seed under 128 bits (32 hexadecimal characters), saying what a valid seed is', () => {
    for (const seed of ['b', 'graine-de-la-mairie-5f0c2a9e', '0123456789abcdef0123456789abcde', 'zz23456789abcdef0123456789abcdef']) {
      const r = RevealSeedSchema.safeParse({ witness: 1, seed });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/au moins 32 caractères hexadécimaux/);
    }
    expect(RevealSeedSchema.safeParse({ witness: 1, seed: '0123456789abcdef0123456789ABCDEF' }).success).toBe(true);
  });
  it('refuses two categories differing only by case', () => {
    const genre = { category: 'genre', label: 'Genre', values: ['f', 'h'] };
    expect(PanelCategoriesSchema.safeParse([genre, { ...genre, category: 'Genre' }]).success).toBe(false);
    expect(PanelCategoriesSchema.safeParse([genre, { ...genre, category: 'age' }]).success).toBe(true);
  });
});
