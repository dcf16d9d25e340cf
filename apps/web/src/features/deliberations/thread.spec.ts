import { describe, expect, it } from '@jest/globals';
import type { ContributionDto } from '@sesame/domain';

import { renderUserMarkdown } from '@/lib/markdown';

import { buildThread, canBeAnswered, groundAndFacts, mostAppreciated, pageOf, readThreadView, threadHref, withStance } from './thread';

let clock = 0;
function contribution(id: string, over: Partial<ContributionDto> = {}): ContributionDto {
  clock += 1;
  return {
    id,
    parentId: null,
    depth: 0,
    stance: 'for',
    state: 'visible',
    origin: 'online',
    body: `Texte ${id}`,
    author: 'Voisine',
    workshop: null,
    edited: false,
    moderationNotice: null,
    helpful: 0,
    replies: 0,
    createdAt: new Date(Date.UTC(2027, 0, 1, 0, clock)).toISOString(),
    tombstone: null,
    viewer: { isAuthor: false, markedHelpful: false, reported: false, can: {} as ContributionDto['viewer']['can'] },
    ...over,
  };
}

describe('the thread page’s address', () => {
  it('reads sort, stance and page, and falls back to the default view on anything unknown', () => {
    expect(readThreadView({})).toEqual({ sort: 'helpful', stance: null, page: 1 });
    expect(readThreadView({ tri: 'oldest', position: 'against', page: '3' })).toEqual({ sort: 'oldest', stance: 'against', page: 3 });
    expect(readThreadView({ tri: 'random', position: 'contre', page: '-2' })).toEqual({ sort: 'helpful', stance: null, page: 1 });
    expect(readThreadView({ tri: ['newest', 'oldest'], page: '1.5' })).toEqual({ sort: 'newest', stance: null, page: 1 });
  });

  it('writes an address without the defaults', () => {
    expect(threadHref('/propositions/PR-2027-001/debat', { sort: 'helpful', stance: null, page: 1 })).toBe('/propositions/PR-2027-001/debat');
    expect(threadHref('/d', { sort: 'newest', stance: 'question', page: 2 })).toBe('/d?tri=newest&position=question&page=2');
  });
});

describe('the thread', () => {
  it('keeps the order of top contributions and nests replies under them, oldest first, two levels deep', () => {
    const a = contribution('a');
    const b = contribution('b', { stance: 'against' });
    const late = contribution('a2', { parentId: 'a', depth: 1 });
    const early = contribution('a1', { parentId: 'a', depth: 1 });
    early.createdAt = '2026-01-01T00:00:00.000Z';
    const deep = contribution('a11', { parentId: 'a1', depth: 2, stance: 'against' });
    const orphan = contribution('x1', { parentId: 'missing', depth: 1 });
    const thread = buildThread([b, late, a, deep, early, orphan]);
    expect(thread.map((node) => node.contribution.id)).toEqual(['b', 'a']);
    expect(thread[1]!.replies.map((node) => node.contribution.id)).toEqual(['a1', 'a2']);
    expect(thread[1]!.replies[0]!.replies.map((node) => node.contribution.id)).toEqual(['a11']);
    // The stance filter picks top contributions; replies stay with them.
    expect(withStance(thread, 'for').map((node) => node.contribution.id)).toEqual(['a']);
    expect(withStance(thread, 'for')[0]!.replies[0]!.replies).toHaveLength(1);
    expect(withStance(thread, null)).toHaveLength(2);
  });

  it('offers a reply form only under a published contribution above the deepest level', () => {
    expect(canBeAnswered(contribution('t'))).toBe(true);
    expect(canBeAnswered(contribution('r', { depth: 1, parentId: 't' }))).toBe(true);
    expect(canBeAnswered(contribution('rr', { depth: 2, parentId: 'r' }))).toBe(false);
    expect(canBeAnswered(contribution('h', { state: 'hidden_automatically' }))).toBe(false);
  });

  it('pages top contributions, at least one page', () => {
    expect(pageOf([], 1)).toEqual({ items: [], page: 1, totalPages: 1 });
    const items = Array.from({ length: 45 }, (_, index) => index);
    expect(pageOf(items, 3)).toEqual({ items: [40, 41, 42, 43, 44], page: 3, totalPages: 3 });
  });

  it('sums up the most appreciated arguments: published, marked helpful, most helpful first, three at most', () => {
    const list = [
      contribution('one', { helpful: 1 }),
      contribution('none', { helpful: 0 }),
      contribution('five', { helpful: 5 }),
      contribution('hidden', { helpful: 9, state: 'hidden', body: null, tombstone: { state: 'hidden', reason: 'Masquée', automatic: false } }),
      contribution('three', { helpful: 3 }),
      contribution('two', { helpful: 2 }),
    ];
    expect(mostAppreciated(list).map((item) => item.id)).toEqual(['five', 'three', 'two']);
  });
});

describe('contribution texts', () => {
  it('render through the shared safe renderer: no raw HTML, links marked as user content', () => {
    const html = renderUserMarkdown('Voir [le plan](https://ville.example/plan) <img src=x onerror=alert(1)> et [ici](javascript:alert(1))');
    expect(html).toContain('<a href="https://ville.example/plan" rel="nofollow ugc noopener noreferrer">le plan</a>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript:');
  });
});

describe('a tombstone’s reason', () => {
  it('splits the ground’s code (and the law) from the facts, so the page words the ground in the reader’s language', () => {
    expect(groundAndFacts('personal_data. Le nom et l’adresse d’un commerçant.')).toEqual({ code: 'personal_data', law: null, facts: 'Le nom et l’adresse d’un commerçant.' });
    expect(groundAndFacts('illegal_content (article 24 de la loi du 29 juillet 1881). Provocation.')).toEqual({ code: 'illegal_content', law: 'article 24 de la loi du 29 juillet 1881', facts: 'Provocation.' });
    expect(groundAndFacts('Texte libre sans motif.')).toEqual({ code: null, law: null, facts: 'Texte libre sans motif.' });
  });
});
