import { z } from 'zod';

/** Raw HTML is refused in what people write (the texts are plain, or a Markdown subset). */
export const NO_HTML = /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>|<!--/i;

/** Trimmed text of at most `max` characters, without HTML (refusal reason `html`). */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Au plus ${max} caractères.` })
    .refine((value) => !NO_HTML.test(value), { error: 'Le HTML n’est pas accepté.', params: { reason: 'html' } });

/** The same, and not empty: `message` says what to write. */
export const requiredText = (max: number, message: string) => plainText(max).refine((v) => v.length > 0, { error: message });
