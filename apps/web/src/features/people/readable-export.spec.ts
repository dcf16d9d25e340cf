import { describe, expect, it } from '@jest/globals';
import { notificationParts } from '@sesame/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { dateWords } from '@/i18n/date-words';

import { escapeHtml, humanise, renderReadableExport, type ReadableExportWords } from './readable-export';

const catalogue = (locale: 'fr' | 'en') => JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'messages', 'people', `${locale}.json`), 'utf8')).PersonalData;

/** The words as the route gives them, from the real catalogues (codes: a few, as the interface names them). */
function words(locale: 'fr' | 'en'): ReadableExportWords {
  const messages = catalogue(locale);
  const dates = dateWords(locale);
  return {
    lang: locale,
    texts: { ...messages, createdAt: messages.createdAt.replace('{date}', dates.dateTime('2027-01-05T13:05:00Z')) },
    features: messages.features,
    categories: messages.categories,
    fields: messages.fields,
    values: { ...messages.values, state: locale === 'fr' ? { admissible: 'Ouverte aux soutiens' } : { admissible: 'Open for support' }, roles: { resident: locale === 'fr' ? 'Habitant ou habitante' : 'Resident' } },
    dateTime: dates.dateTime,
    day: dates.day,
    notification: (kind, data) => notificationParts(kind, data, locale),
  };
}

const EXPORT = {
  exportedAt: '2027-01-05T13:05:00.000Z',
  about: 'Toutes les données… / All the data…',
  people: {
    account: { id: '0190a1b2-0000-7000-8000-000000000001', pseudonym: 'Camille de La Noue', email: 'camille@example.org', locale: 'fr', neighbourhood: 'La Noue', createdAt: '2027-01-02T09:00:00.000Z', lastSignInAt: null, roles: ['resident'] },
    signedOut: [],
  },
  notifications: {
    emailPreference: null,
    notifications: [{ kind: 'proposal.admissible', data: { title: 'Caméras du marché' }, link: '/propositions/PR-2027-001', createdAt: '2027-01-03T10:00:00.000Z', readAt: null, emailedAt: null }],
  },
  proposals: {
    proposals: [{ reference: 'PR-2027-001', state: 'admissible', title: '<script>alert(1)</script> Caméras', body: 'Ligne 1\nLigne 2', createdAt: '2027-01-02T10:00:00.000Z', submittedAt: null }],
  },
  'a-new-feature': { someNewCategory: [{ aNewField: 'x' }] },
};

describe('the readable download of my data', () => {
  it('is one self-contained page in the reader’s language: no script, no outside resource', () => {
    const html = renderReadableExport(EXPORT, words('fr'));
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html).toContain('<title>Mes données sur Sésame</title>');
    expect(html).toContain('Document créé le 5 janvier 2027 à 14:05.');
    expect(html).not.toMatch(/<script|<link|\bsrc=|https?:\/\//i);
  });

  it('has one part per feature of the export, each named and explained, with its categories in plain words', () => {
    const html = renderReadableExport(EXPORT, words('fr'));
    for (const title of ['Votre compte', 'Vos notifications', 'Vos propositions']) expect(html).toContain(`>${title}</h2>`);
    expect(html).toContain('<h3>Propositions que vous avez écrites</h3>');
    expect(html).toContain('<h3>Vos déconnexions</h3><p class="empty">Rien.</p>');
    expect(html).toContain('<a href="#partie-proposals">Vos propositions</a>');
    // What the export says about itself is not a part.
    expect(html).not.toContain('partie-exportedAt');
    expect(html).not.toContain('All the data');
  });

  it('still shows a part no label names yet, in words made from its keys', () => {
    const html = renderReadableExport(EXPORT, words('fr'));
    expect(html).toContain('>A new feature</h2>');
    expect(html).toContain('<h3>Some new category</h3>');
    expect(html).toContain('<dt>A new field</dt><dd>x</dd>');
    expect(humanise('recordVersionsWritten')).toBe('Record versions written');
  });

  it('words codes, dates and notifications as the interface does, and escapes what people wrote', () => {
    const html = renderReadableExport(EXPORT, words('fr'));
    expect(html).toContain('<dt>État</dt><dd>Ouverte aux soutiens</dd>');
    expect(html).toContain('<dt>Langue</dt><dd>français</dd>');
    expect(html).toContain('<li>Habitant ou habitante</li>');
    expect(html).toContain('<time datetime="2027-01-02T09:00:00.000Z">2 janvier 2027 à 10:00</time>');
    expect(html).toContain('<dt>Notification</dt><dd>Votre proposition « <span class="text">Caméras du marché</span> » est acceptée');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Caméras');
    expect(html).toContain('<dt>Dernière connexion</dt><dd><span class="empty">non renseigné</span></dd>');
    expect(html).toContain('<code>0190a1b2-0000-7000-8000-000000000001</code>');
  });

  it('in English, marks what people wrote as French', () => {
    const html = renderReadableExport(EXPORT, words('en'));
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('Document made on 5 January 2027 at 14:05.');
    expect(html).toContain('<dt>Pseudonym</dt><dd><span class="text" lang="fr">Camille de La Noue</span></dd>');
    expect(html).toContain('<dt>Neighbourhood</dt><dd><span class="text" lang="fr">La Noue</span></dd>');
    expect(html).toContain('Your proposal “<span class="text" lang="fr">Caméras du marché</span>” is accepted');
    expect(html).toContain('<dt>Status</dt><dd>Open for support</dd>');
  });

  it('escapes every character HTML gives a meaning to', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
