import { OPEN_DATA_LICENCE } from '@sesame/domain';
import { textAsHtml, toAtom } from './atom';

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

describe('open-data Atom feed: people’s text stays text', () => {
  const HOSTILE = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">cliquez</a> [lien](javascript:alert(1))',
    ']]><script>alert(1)</script><![CDATA[',
    'Tom & Jerry « citées » \'apostrophe\'',
  ];
  const unescapeHtml = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

  it.each(HOSTILE)('carries %j as escaped text, never as markup', (text) => {
    const atom = toAtom('https://sesame.example', '/api/v1/open-data/x.atom', {
      title: 'Feed',
      description: 'What changed',
      page: '/registre',
      entries: [{ id: '/registre/DU-2027-001', title: `DU-2027-001 — ${text}`, link: '/registre/DU-2027-001', date: new Date('2027-01-01T00:00:00Z'), description: text }],
    });
    const entry = atom.slice(atom.indexOf('<entry>'));
    expect(entry).not.toMatch(/<(script|img|a)\b/i);
    expect(atom.match(/<!\[CDATA\[/g)).toHaveLength(atom.match(/\]\]>/g)!.length);
    const title = /<title type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/title>/.exec(entry)![1]!;
    const summary = /<summary type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/summary>/.exec(entry)![1]!;
    expect(unescapeHtml(title)).toBe(`DU-2027-001 — ${text}`);
    expect(unescapeHtml(summary)).toBe(text);
  });

  it('drops the characters XML cannot carry, which would make the whole feed unreadable', () => {
    expect(textAsHtml('a\u0000b\u0001c\u001fd\uFFFEe\uD800f\tg\nh')).toBe('abcdef\tg\nh');
    expect(textAsHtml('emoji 🦄 stays')).toBe('emoji 🦄 stays');
  });
});
