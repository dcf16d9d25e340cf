/**
 * "Download my data", as a document a person can read: one self-contained
 * HTML page (no script, no outside resource, styles inline, printable) made
 * from the same export as the JSON file — every part the API's personal data
 * providers contribute, each category named in plain words, in the reader's
 * language. Pure: the route handler gives it the export and the words.
 */

/** A piece of a notification sentence (from packages/domain's notificationParts). */
export interface SentencePiece {
  text: string;
  written?: boolean;
}

export interface ReadableExportWords {
  /** The document's language; what people wrote is marked `lang="fr"` when it is not French. */
  lang: 'fr' | 'en';
  texts: {
    documentTitle: string;
    heading: string;
    /** « Document créé le … », already filled. */
    createdAt: string;
    intro: string;
    private: string;
    json: string;
    contents: string;
    nothing: string;
    empty: string;
    yes: string;
    no: string;
  };
  /** Each part of the platform (the export's top-level keys): its title and what it holds. */
  features: Readonly<Record<string, { title: string; about: string }>>;
  /** Each category of a part (`categories[feature][key]`). */
  categories: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Names of fields, wherever they appear (`createdAt`, `title`…). */
  fields: Readonly<Record<string, string>>;
  /** Codes in words, by field name (`state.admissible`, `role.organizer`, `locale.fr`…). */
  values: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** ISO instants and calendar days in the reader's words. */
  dateTime(iso: string): string;
  day(date: string): string;
  /** A notification as the person read it. */
  notification(kind: string, data: Record<string, unknown>): SentencePiece[];
}

/** Fields holding what people wrote (French whatever the reader's language). */
const WRITTEN = new Set(['pseudonym', 'neighbourhood', 'title', 'body', 'why', 'expectedEffect', 'changeNote', 'reason', 'label', 'batch']);
/** Fields holding identifiers and hashes: shown as code, never translated. */
const CODES = new Set(['id', 'hash', 'actorId', 'subjectId', 'subject', 'endsWith']);
/** Top-level keys that describe the export itself rather than a part of the platform. */
const ABOUT_THE_EXPORT = new Set(['exportedAt', 'about']);

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** `recordVersionsWritten` → "record versions written": a key no label names yet still reads as words. */
export function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined => (record && Object.hasOwn(record, key) ? record[key] : undefined);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

class Renderer {
  constructor(private readonly words: ReadableExportWords) {}

  private written(text: string): string {
    const html = escapeHtml(text);
    return this.words.lang === 'fr' ? `<span class="text">${html}</span>` : `<span class="text" lang="fr">${html}</span>`;
  }

  private fieldName(field: string): string {
    return escapeHtml(own(this.words.fields, field) ?? humanise(field));
  }

  /** A single value, by the name of the field holding it. */
  private scalar(field: string, value: unknown): string {
    const { texts } = this.words;
    if (value === null || value === undefined || value === '') return `<span class="empty">${escapeHtml(texts.empty)}</span>`;
    if (typeof value === 'boolean') return escapeHtml(value ? texts.yes : texts.no);
    if (typeof value === 'number') return escapeHtml(String(value));
    const text = String(value);
    const code = own(this.words.values[field], text);
    if (code !== undefined) return escapeHtml(code);
    if (INSTANT.test(text)) return `<time datetime="${escapeHtml(text)}">${escapeHtml(this.words.dateTime(text))}</time>`;
    if (DAY.test(text)) return `<time datetime="${escapeHtml(text)}">${escapeHtml(this.words.day(text))}</time>`;
    if (CODES.has(field)) return `<code>${escapeHtml(text)}</code>`;
    return WRITTEN.has(field) ? this.written(text) : escapeHtml(text);
  }

  /** Free-form details (an audit entry's data): every key and value, what people wrote marked. */
  private details(value: unknown): string {
    const entries = isRecord(value) ? Object.entries(value) : [];
    if (entries.length === 0) return `<span class="empty">${escapeHtml(this.words.texts.empty)}</span>`;
    const shown = (key: string, item: unknown) => {
      if (isRecord(item) || Array.isArray(item)) return this.written(JSON.stringify(item));
      const code = typeof item === 'string' ? own(this.words.values[key], item) : undefined;
      if (code !== undefined || typeof item !== 'string' || INSTANT.test(item) || DAY.test(item)) return this.scalar(key, item);
      return this.written(item);
    };
    return `<dl class="details">${entries.map(([key, item]) => `<dt>${this.fieldName(key)}</dt><dd>${shown(key, item)}</dd>`).join('')}</dl>`;
  }

  private notification(item: Record<string, unknown>): string {
    const data = isRecord(item.data) ? item.data : {};
    return this.words
      .notification(String(item.kind), data)
      .map((piece) => (piece.written ? this.written(piece.text) : escapeHtml(piece.text)))
      .join('');
  }

  private object(item: Record<string, unknown>): string {
    const isNotification = typeof item.kind === 'string' && 'data' in item;
    const rows = Object.entries(item)
      .filter(([key]) => !(isNotification && key === 'data'))
      .map(([key, value]) => {
        const shown = isNotification && key === 'kind' ? this.notification(item) : key === 'data' ? this.details(value) : this.value(key, value);
        return `<dt>${this.fieldName(key)}</dt><dd>${shown}</dd>`;
      });
    return `<dl>${rows.join('')}</dl>`;
  }

  /** Any value: lists as lists, records as definition lists, never raw JSON. */
  value(field: string, value: unknown): string {
    if (Array.isArray(value)) {
      if (value.length === 0) return `<span class="empty">${escapeHtml(this.words.texts.nothing)}</span>`;
      if (value.every((item) => !isRecord(item) && !Array.isArray(item))) return `<ul>${value.map((item) => `<li>${this.scalar(field, item)}</li>`).join('')}</ul>`;
      return `<ol class="items">${value.map((item) => `<li>${isRecord(item) ? this.object(item) : this.value(field, item)}</li>`).join('')}</ol>`;
    }
    if (isRecord(value)) return this.object(value);
    return this.scalar(field, value);
  }

  category(feature: string, key: string, value: unknown): string {
    const title = own(this.words.categories[feature], key) ?? humanise(key);
    const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
    const body = empty ? `<p class="empty">${escapeHtml(this.words.texts.nothing)}</p>` : Array.isArray(value) || isRecord(value) ? this.value(key, value) : `<p>${this.scalar(key, value)}</p>`;
    return `<section class="category"><h3>${escapeHtml(title)}</h3>${body}</section>`;
  }

  part(feature: string, content: unknown): string {
    const described = own(this.words.features, feature);
    const title = described?.title ?? humanise(feature);
    const categories = isRecord(content) ? Object.entries(content).map(([key, value]) => this.category(feature, key, value)) : [this.value(feature, content)];
    return `<section class="part" id="${escapeHtml(`partie-${feature}`)}" aria-labelledby="${escapeHtml(`titre-${feature}`)}"><h2 id="${escapeHtml(`titre-${feature}`)}">${escapeHtml(title)}</h2>${described ? `<p>${escapeHtml(described.about)}</p>` : ''}${categories.join('')}</section>`;
  }
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff;margin:0;padding:1rem}
main{max-width:48rem;margin:0 auto}
h1{font-size:1.75rem;margin:0 0 .5rem}h2{font-size:1.4rem;margin:2rem 0 .5rem;border-bottom:2px solid #1a1a1a;padding-bottom:.25rem}h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
dl{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:.25rem 1rem;margin:0}dt{font-weight:700}dd{margin:0;min-width:0}
ol.items{padding-left:1.5rem}ol.items>li{margin-bottom:.75rem;padding-bottom:.75rem;border-bottom:1px solid #ccc;break-inside:avoid}
.text{white-space:pre-wrap}code{font-size:.9em;overflow-wrap:anywhere}dd,li,p{overflow-wrap:anywhere}.empty{font-style:italic}
.notice{border-left:4px solid #1a1a1a;padding-left:.75rem}
@media (max-width:30rem){dl{grid-template-columns:1fr}dd{margin-bottom:.5rem}}
@media print{body{padding:0}nav{display:none}h2{break-after:avoid}h3{break-after:avoid}a{color:inherit}}
`;

/** The whole document. `data` is the API's export (`GET /api/v1/me/export`): one key per part, in the order given. */
export function renderReadableExport(data: Record<string, unknown>, words: ReadableExportWords): string {
  const renderer = new Renderer(words);
  const features = Object.keys(data).filter((key) => !ABOUT_THE_EXPORT.has(key));
  const { texts } = words;
  const contents = features
    .map((feature) => `<li><a href="#${escapeHtml(`partie-${feature}`)}">${escapeHtml(own(words.features, feature)?.title ?? humanise(feature))}</a></li>`)
    .join('');
  return [
    '<!doctype html>',
    `<html lang="${words.lang}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(texts.documentTitle)}</title><style>${STYLE}</style></head>`,
    '<body><main>',
    `<h1>${escapeHtml(texts.heading)}</h1>`,
    `<p>${escapeHtml(texts.createdAt)}</p>`,
    `<p>${escapeHtml(texts.intro)}</p>`,
    `<p class="notice">${escapeHtml(texts.private)}</p>`,
    `<p>${escapeHtml(texts.json)}</p>`,
    `<nav aria-labelledby="sommaire"><h2 id="sommaire">${escapeHtml(texts.contents)}</h2><ol>${contents}</ol></nav>`,
    ...features.map((feature) => renderer.part(feature, data[feature])),
    '</main></body></html>',
    '',
  ].join('\n');
}
