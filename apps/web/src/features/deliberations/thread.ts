import type { ContributionDto } from '@sesame/domain';
import { CONTRIBUTION_SORTS, DELIBERATION_LIMITS, STANCES, type ContributionSort, type Stance } from '@sesame/domain/client';

/**
 * The thread page's reading of its address and the shape of the thread. Pure,
 * so that the page and its tests read them the same way.
 *
 * The API lists every contribution of a space (top contributions and replies,
 * flat, in the order asked). The page shows top contributions in that order,
 * each with its replies under it (oldest first, so that a conversation reads
 * down), two levels at most. The stance filter chooses top contributions: a
 * reply stays with what it answers, whatever its own stance.
 */

export const THREAD_PAGE_SIZE = 20;

export interface ThreadView {
  sort: ContributionSort;
  stance: Stance | null;
  page: number;
}

const first = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));

export const isStance = (value: unknown): value is Stance => typeof value === 'string' && (STANCES as readonly string[]).includes(value);
const isSort = (value: unknown): value is ContributionSort => typeof value === 'string' && (CONTRIBUTION_SORTS as readonly string[]).includes(value);

/** The view an address asks for; anything unknown falls back to the default (most helpful, every stance, page 1) rather than an error. */
export function readThreadView(search: Record<string, string | string[] | undefined>): ThreadView {
  const sort = first(search.tri);
  const stance = first(search.position);
  const page = Number(first(search.page));
  return { sort: isSort(sort) ? sort : 'helpful', stance: isStance(stance) ? stance : null, page: Number.isInteger(page) && page >= 1 ? page : 1 };
}

/** The page's address for a view (defaults left out, so the plain address is the default view). */
export function threadHref(base: string, view: ThreadView): string {
  const params = new URLSearchParams();
  if (view.sort !== 'helpful') params.set('tri', view.sort);
  if (view.stance) params.set('position', view.stance);
  if (view.page > 1) params.set('page', String(view.page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

export interface ThreadNode {
  contribution: ContributionDto;
  replies: ThreadNode[];
}

const byOldest = (a: ThreadNode, b: ThreadNode) => a.contribution.createdAt.localeCompare(b.contribution.createdAt) || a.contribution.id.localeCompare(b.contribution.id);

/**
 * Top contributions in the order given, each with its replies nested (oldest
 * first), no deeper than the API allows. A reply whose parent is not in the
 * list (a pending one, say) is left out rather than shown out of context.
 */
export function buildThread(contributions: readonly ContributionDto[]): ThreadNode[] {
  const nodes = new Map(contributions.map((contribution) => [contribution.id, { contribution, replies: [] } as ThreadNode]));
  const tops: ThreadNode[] = [];
  for (const node of nodes.values()) {
    const { parentId, depth } = node.contribution;
    if (parentId === null) tops.push(node);
    else if (depth <= DELIBERATION_LIMITS.replyDepth) nodes.get(parentId)?.replies.push(node);
  }
  for (const node of nodes.values()) node.replies.sort(byOldest);
  return tops;
}

/** The top contributions of one stance (all when null). */
export const withStance = (thread: readonly ThreadNode[], stance: Stance | null): ThreadNode[] => (stance ? thread.filter((node) => node.contribution.stance === stance) : [...thread]);

/** One page of top contributions, and how many pages there are (at least one). */
export function pageOf<T>(items: readonly T[], page: number, size = THREAD_PAGE_SIZE): { items: T[]; page: number; totalPages: number } {
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  return { items: items.slice((page - 1) * size, page * size), page, totalPages };
}

/** Whether a reply form belongs under this contribution: the API answers it only when it is published and not at the deepest level. */
export const canBeAnswered = (contribution: ContributionDto): boolean => contribution.state === 'visible' && contribution.depth < DELIBERATION_LIMITS.replyDepth;

/** The most appreciated arguments: published, marked helpful at least once, most helpful first, `count` at most. */
export function mostAppreciated(contributions: readonly ContributionDto[], count = 3): ContributionDto[] {
  return contributions
    .filter((contribution) => contribution.state === 'visible' && contribution.body !== null && contribution.helpful > 0)
    .sort((a, b) => b.helpful - a.helpful || b.createdAt.localeCompare(a.createdAt))
    .slice(0, count);
}

/** The id of a contribution's element on the page (links and the moderation log point at it). */
export const contributionAnchor = (id: string): string => `contribution-${id}`;

/** « personal_data. Les faits… » → the ground's code (a law in brackets for illegal content) and the facts. */
export function groundAndFacts(reason: string): { code: string | null; law: string | null; facts: string } {
  const match = /^([a-z_]+)(?: \((.+?)\))?\.\s*(.*)$/su.exec(reason);
  return match ? { code: match[1]!, law: match[2] ?? null, facts: match[3]! } : { code: null, law: null, facts: reason };
}
