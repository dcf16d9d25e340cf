import { OPEN_DATA_LICENCE } from '@sesame/domain';
import { toAtom } from './atom';
import { toCsv } from './csv';

describe('open-data CSV', () => {
  it('writes RFC 4180 rows with CRLF, quoting where needed', () => {
    expect(toCsv([['reference', 'title'], ['DU-2027-001', 'Cantine, menus "bio"']])).toBe('reference,title\r\nDU-2027-001,"Cantine, menus ""bio"""\r\n');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(toCsv([['a'], ['=HYPERLINK("x")'], ['+1'], ['-2'], ['@SUM(A1)'], ['ok']])).toBe('a\r\n"\'=HYPERLINK(""x"")"\r\n"\'+1"\r\n"\'-2"\r\n"\'@SUM(A1)"\r\nok\r\n');
  });
});

describe('open-data Atom feed', () => {
  const entry = (id: string, date: string) => ({ id: `/registre/${id}`, title: id, link: `/registre/${id}`, date: new Date(date), description: `About ${id}` });

  it('lists entries newest first under absolute links, updated at the newest', () => {
    const atom = toAtom('https://sesame.example/', '/api/v1/open-data/x.atom', {
      title: 'Feed',
      description: 'What changed',
      page: '/registre',
      entries: [entry('old', '2027-01-01T00:00:00Z'), entry('new', '2027-03-01T00:00:00Z')],
    });
    expect(atom.indexOf('<title type="html"><![CDATA[new]]></title>')).toBeLessThan(atom.indexOf('<title type="html"><![CDATA[old]]></title>'));
    expect(atom).toContain('<id>https://sesame.example/registre</id>');
    expect(atom).toContain('<link rel="self" href="https://sesame.example/api/v1/open-data/x.atom"/>');
    expect(atom).toContain('<id>https://sesame.example/registre/new</id>');
    expect(atom).toContain('<updated>2027-03-01T00:00:00.000Z</updated>');
    expect(atom).toContain(OPEN_DATA_LICENCE);
  });

  it('is valid and dated at the epoch when empty', () => {
    const atom = toAtom('https://sesame.example', '/api/v1/open-data/x.atom', { title: 'Feed', description: 'Nothing yet', page: '/registre', entries: [] });
    expect(atom).toContain('<updated>1970-01-01T00:00:00.000Z</updated>');
    expect(atom).not.toContain('<entry>');
  });
});
