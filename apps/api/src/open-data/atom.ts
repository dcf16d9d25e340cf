import { OPEN_DATA_LICENCE } from '@sesame/domain';
import { Feed } from 'feed';

/** One entry; paths are relative to the web site (`/registre/DU-2027-001`). */
export interface AtomEntry {
  /** Path and fragment that identify the entry for ever (`/registre/DU-2027-001#version-2`). */
  id: string;
  title: string;
  link: string;
  date: Date;
  description: string;
}

export interface AtomFeed {
  title: string;
  description: string;
  /** The web page the feed follows (`/registre`): also the feed's id. */
  page: string;
  entries: AtomEntry[];
}

/**
 * An Atom 1.0 document, newest entry first, under the open-data licence.
 * `site` is the web origin; `self` the feed's own address.
 */
export function toAtom(site: string, self: string, feed: AtomFeed): string {
  const origin = site.replace(/\/+$/, '');
  // A stable sort: entries of the same instant keep the order they came in.
  const entries = [...feed.entries].sort((a, b) => b.date.getTime() - a.date.getTime());
  const atom = new Feed({
    title: feed.title,
    description: feed.description,
    id: `${origin}${feed.page}`,
    link: `${origin}${feed.page}`,
    language: 'fr',
    copyright: OPEN_DATA_LICENCE,
    updated: entries[0]?.date ?? new Date(0),
    feedLinks: { atom: `${origin}${self}` },
  });
  for (const entry of entries) {
    atom.addItem({ id: `${origin}${entry.id}`, title: entry.title, link: `${origin}${entry.link}`, date: entry.date, description: entry.description });
  }
  return atom.atom1();
}
