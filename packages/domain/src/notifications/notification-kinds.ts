import type { Locale } from '../identity/identity.schema';

/**
 * How one kind of notification is worded, in French and in English. A sentence
 * names the data it needs between braces (`« {title} » est recevable`): the
 * sender must provide each of those fields, which the API checks (by type for
 * a kind written in the code, at run time for every notification).
 */
export interface NotificationSentences {
  fr: string;
  en: string;
  /** Fields shown otherwise than as stored, e.g. a role code worded in the reader's language. */
  format?: Readonly<Record<string, (value: unknown, locale: Locale) => string>>;
}

/** A feature's notification kinds (`proposal.selected`…), each with its sentences. */
export type NotificationKindList = Readonly<Record<string, NotificationSentences>>;

/**
 * Declares a feature's notification kinds, keeping each sentence's exact text
 * in the type so that the fields it needs are known to the compiler. The
 * feature's list is then added to `NOTIFICATION_TEXTS` (notification-texts.ts).
 */
export function defineNotificationKinds<const Kinds extends NotificationKindList>(kinds: Kinds): Kinds {
  return kinds;
}

/** The fields a sentence needs: `La fiche {reference} « {title} »` → 'reference' | 'title'. */
export type SentencePlaceholders<Sentence extends string> = Sentence extends `${string}{${infer Field}}${infer Rest}` ? Field | SentencePlaceholders<Rest> : never;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The same at run time, in order of appearance, without repeats. */
export function sentencePlaceholders(sentence: string): string[] {
  return [...new Set(Array.from(sentence.matchAll(PLACEHOLDER), (match) => match[1]!))];
}

/** Fills a sentence's placeholders from the notification's data. */
export function fillSentence(sentences: NotificationSentences, data: Record<string, unknown>, locale: Locale): string {
  return sentenceParts(sentences, data, locale)
    .map((part) => part.text)
    .join('');
}

/**
 * Fields holding what people wrote — a title, a reason, a change note, a
 * neighbourhood's name: French whatever the reader's language, so the English
 * interface marks them `lang="fr"`.
 */
export const WRITTEN_FIELDS: ReadonlySet<string> = new Set(['title', 'reason', 'changeNote', 'neighbourhood']);

/** A piece of a filled sentence: the sentence's own words, or a field's value (`written` when people wrote it). */
export interface SentencePart {
  text: string;
  field?: string;
  written?: boolean;
}

/** The filled sentence in pieces, so that a page can mark what people wrote (`lang="fr"`). */
export function sentenceParts(sentences: NotificationSentences, data: Record<string, unknown>, locale: Locale): SentencePart[] {
  const sentence = sentences[locale];
  const parts: SentencePart[] = [];
  let last = 0;
  for (const match of sentence.matchAll(PLACEHOLDER)) {
    const field = match[1]!;
    if (match.index > last) parts.push({ text: sentence.slice(last, match.index) });
    const format = sentences.format?.[field];
    parts.push({ text: format ? format(data[field], locale) : String(data[field]), field, ...(!format && WRITTEN_FIELDS.has(field) ? { written: true } : {}) });
    last = match.index + match[0].length;
  }
  if (last < sentence.length) parts.push({ text: sentence.slice(last) });
  return parts;
}
