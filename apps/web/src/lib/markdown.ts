import MarkdownIt from 'markdown-it';

/**
 * The one renderer of what people write in Markdown — proposal texts (the
 * public page, the author's preview) and deliberation contributions: a small
 * Markdown subset — paragraphs, **bold**, *italics*, lists, quotes and
 * links. Everything else stays text:
 *
 * - raw HTML is escaped (`html: false`), never passed through;
 * - only http(s) and mailto links become links, marked as user content
 *   (rel="nofollow ugc noopener noreferrer"); `javascript:`, `data:`, relative
 *   and protocol-relative addresses stay plain text;
 * - images, tables and code blocks are off;
 * - headings are demoted: the page owns h1 and h2, so a "# Titre" becomes an h3.
 *
 * Its output is the only HTML the pages insert with dangerouslySetInnerHTML.
 */

const ALLOWED_LINK = /^(https?:\/\/|mailto:)/i;
const LINK_REL = 'nofollow ugc noopener noreferrer';
/** The page's own headings go to h2; people's headings start at h3. */
const HEADING_SHIFT = 2;

function createRenderer(): MarkdownIt {
  const md = new MarkdownIt('default', {
    html: false,
    linkify: false,
    typographer: true,
    breaks: false,
    // French quotation marks with their narrow no-break spaces, then English ones inside.
    quotes: ['«\u202F', '\u202F»', '“', '”'],
  });
  md.disable(['image', 'table', 'code', 'fence']);

  md.validateLink = (url: string): boolean => ALLOWED_LINK.test(url.trim());

  md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
    tokens[index]!.attrSet('rel', LINK_REL);
    return self.renderToken(tokens, index, options);
  };

  const demote = (tag: string): string => {
    const level = Number(tag.slice(1));
    return `h${Math.min(6, (Number.isInteger(level) ? level : 1) + HEADING_SHIFT)}`;
  };
  md.renderer.rules.heading_open = (tokens, index, options, _env, self) => {
    tokens[index]!.tag = demote(tokens[index]!.tag);
    return self.renderToken(tokens, index, options);
  };
  md.renderer.rules.heading_close = (tokens, index, options, _env, self) => {
    tokens[index]!.tag = demote(tokens[index]!.tag);
    return self.renderToken(tokens, index, options);
  };
  return md;
}

const renderer = createRenderer();

/** A text people wrote, as safe HTML (empty string for an empty text). */
export function renderUserMarkdown(source: string): string {
  if (!source.trim()) return '';
  return renderer.render(source);
}
