import { z } from 'zod';

/** Raw HTML is refused in what people write (the texts are plain, or a Markdown subset). */
export const NO_HTML = /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>|<!--/i;

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E,
 * U+2066–U+2069): invisible, they make a text display in another order than
 * it is stored (« Trojan Source »), so a question or an option would read
 * differently on screen than in the data, the ballot list or an export.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

export const BIDI_CONTROLS_MESSAGE =
  'Les caractères invisibles de contrôle du sens de l’écriture (U+202A à U+202E, U+2066 à U+2069) ne sont pas acceptés : ils font afficher le texte dans un autre ordre que celui où il est écrit. Retirez-les (ils viennent souvent d’un copier-coller).';

/**
 * Trimmed text of at most `max` characters, without HTML (refusal reason
 * `html`, worded by `htmlMessage`) nor bidirectional controls (reason `bidi`).
 */
export const plainText = (max: number, htmlMessage = 'Le HTML n’est pas accepté.') =>
  z
    .string()
    .trim()
    .max(max, { error: `Au plus ${max} caractères.` })
    .refine((value) => !NO_HTML.test(value), { error: htmlMessage, params: { reason: 'html' } })
    .refine((value) => !BIDI_CONTROLS.test(value), { error: BIDI_CONTROLS_MESSAGE, params: { reason: 'bidi' } });

/** The same, and not empty: `message` says what to write. */
export const requiredText = (max: number, message: string) => plainText(max).refine((v) => v.length > 0, { error: message });
