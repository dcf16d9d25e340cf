import { createHash } from 'node:crypto';

import { describe, expect, it } from '@jest/globals';

import {
  categoriesFromCsv,
  commitmentFromForm,
  csvLine,
  listOf,
  quotaRows,
  quotasField,
  quotasFromForm,
  rulesField,
  rulesFromForm,
  whole,
  witnessField,
} from './form-values';
import { sha256Hex } from './sha256';

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
};

describe('reading the panel forms', () => {
  it('sends whole numbers as numbers and anything else as typed, for the API to name', () => {
    const data = form({ a: ' 12 ', b: '1,5', c: '' });
    expect(whole(data, 'a')).toBe(12);
    expect(whole(data, 'b')).toBe('1,5');
    expect(whole(data, 'c')).toBeUndefined();
    expect(listOf('Femme\n Homme ,Autre;\n\n')).toEqual(['Femme', 'Homme', 'Autre']);
  });

  it('leaves empty category blocks out and maps the API paths back to the blocks they came from', () => {
    const data = form({
      'rules.seats.drawnCitizens': '12',
      'rules.termMonths': '24',
      'rules.rotationByThirds': 'yes',
      'rules.categories.0.category': 'genre',
      'rules.categories.0.values': 'femme\nhomme',
      'rules.categories.2.category': 'âge',
      'rules.categories.2.values': '16-29\n30+',
      changeNote: 'Première version',
    });
    const { body, categoryIndex } = rulesFromForm(data, 4);
    const rules = body.rules as { categories: { category: string; values: string[] }[]; rotationByThirds: boolean; seats: Record<string, unknown> };
    expect(rules.categories.map((c) => c.category)).toEqual(['genre', 'âge']);
    expect(rules.categories[1]!.values).toEqual(['16-29', '30+']);
    expect(rules.rotationByThirds).toBe(true);
    expect(rules.seats).toEqual({ drawnCitizens: 12, associations: 0, expertsVoting: 0, expertsConsultative: 0 });
    expect(categoryIndex).toEqual([0, 2]);
    expect(rulesField('rules.categories.1.values.0', categoryIndex)).toBe('rules.categories.2.values');
    expect(rulesField('rules.categories.1', categoryIndex)).toBe('rules.categories.2.category');
    expect(rulesField('rules.adoptionThreshold', categoryIndex)).toBe('rules.adoptionThreshold.numerator');
    expect(rulesField('rules.seats', categoryIndex)).toBe('rules.seats.drawnCitizens');
    expect(rulesField('rules.termMonths', categoryIndex)).toBe('rules.termMonths');
    expect(rulesField('', categoryIndex)).toBeNull();
  });

  it('sends only the quota rows filled in, and finds each refused one again', () => {
    const rows = quotaRows([
      { category: 'genre', label: '', values: ['femme', 'homme'] },
      { category: 'âge', label: '', values: ['jeune', 'vieux'] },
    ]);
    expect(rows).toHaveLength(4);
    const { body, rowIndex } = quotasFromForm(form({ panelSize: '10', 'quotas.1.min': '3', 'quotas.3.max': '6' }), rows);
    expect(body).toEqual({
      panelSize: 10,
      quotas: [
        { category: 'genre', value: 'homme', min: 3, max: 10 },
        { category: 'âge', value: 'vieux', min: 0, max: 6 },
      ],
    });
    expect(rowIndex).toEqual([1, 3]);
    expect(quotasField('quotas.1', rowIndex)).toBe('quotas.3.min');
    expect(quotasField('quotas.0.max', rowIndex)).toBe('quotas.1.max');
    expect(quotasField('panelSize', rowIndex)).toBe('panelSize');
  });

  it('reads the witnesses of a commitment, empty blocks left out', () => {
    const { body, witnessIndex } = commitmentFromForm(
      form({ poolId: 'p', 'witnesses.0.name': 'Mairie', 'witnesses.0.kind': 'organizer', 'witnesses.0.seedHash': 'a'.repeat(64), 'witnesses.2.name': 'Asso', 'witnesses.2.kind': 'association', 'witnesses.2.seedHash': 'b' }),
    );
    expect(body).toEqual({
      poolId: 'p',
      kind: 'initial',
      witnesses: [
        { name: 'Mairie', kind: 'organizer', seedHash: 'a'.repeat(64) },
        { name: 'Asso', kind: 'association', seedHash: 'b' },
      ],
    });
    expect(witnessField('witnesses.1.seedHash', witnessIndex)).toBe('witnesses.2.seedHash');
    // A replacement draw may say how many vacated seats it fills; an initial draw never sends a size (the pool's).
    expect(commitmentFromForm(form({ poolId: 'p', kind: 'replacement', panelSize: ' 2 ' })).body).toEqual({ poolId: 'p', kind: 'replacement', panelSize: 2, witnesses: [] });
    expect(commitmentFromForm(form({ poolId: 'p', kind: 'replacement', panelSize: '' })).body).toEqual({ poolId: 'p', kind: 'replacement', witnesses: [] });
    expect(commitmentFromForm(form({ poolId: 'p', kind: 'initial', panelSize: '9' })).body).toEqual({ poolId: 'p', kind: 'initial', witnesses: [] });
    expect(witnessField('panelSize', witnessIndex)).toBe('panelSize');
    expect(witnessField('witnesses', witnessIndex)).toBe('witnesses');
  });

  it('reads categories from a pool file and line numbers from error paths', () => {
    expect(categoriesFromCsv('id,household,genre,âge\nV1,1,femme,jeune\nV2,1,homme,jeune\nV3,,femme,vieux\n')).toEqual([
      { category: 'genre', label: '', values: ['femme', 'homme'] },
      { category: 'âge', label: '', values: ['jeune', 'vieux'] },
    ]);
    expect(csvLine('poolCsv.12')).toBe(12);
    expect(csvLine('poolCsv')).toBeNull();
    expect(csvLine('label')).toBeUndefined();
  });
});

describe('sha256Hex (the witnesses’ seed hashes, in the browser)', () => {
  it.each(['', 'abc', 'ma graine secrète', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(200), 'Ünïcødé 🎲'])('matches node:crypto for %j', (text) => {
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});
