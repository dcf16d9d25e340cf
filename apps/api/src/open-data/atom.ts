import { OPEN_DATA_LICENCE } from '@sesame/domain';
import { Feed } from 'feed';

/**
 * One entry; paths are relative to the web site (`/registre/DU-2027-001`).
 * Title and description are plain text, as people typed them: the feed
 * escapes them, so a reader shows `<script>` as text and never runs it.
 */
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
    atom.addItem({ id: `${origin}${entry.id}`, title: textAsHtml(entry.title), link: `${origin}${entry.link}`, date: entry.date, description: textAsHtml(entry.description) });
  }
  return atom.atom1();
}

/** Characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF): one would make the whole feed unreadable. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The `feed` package writes titles and summaries as `type="html"`: plain text
 * goes in escaped, so it stays text (and `]]>` can never close the CDATA section).
 */
export function textAsHtml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
