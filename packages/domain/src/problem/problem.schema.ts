import { z } from 'zod';

/** One field-level error, taken from a zod issue. */
export const FieldErrorSchema = z
  .object({
    /** Dotted path of the field, e.g. `title` or `risks.0.severity`; empty for the whole body. */
    path: z.string(),
    /**
     * What is wrong, for programs: a zod issue code (`too_big`, `invalid_format`…),
     * the reason a rule gives (`html`, `missing`, `charter`…). Clients word it
     * in their reader's language from this, `limit` and `format`.
     */
    code: z.string(),
    /** In French, for people. */
    message: z.string(),
    /** The limit passed (`too_big`, `too_small`): characters for a text, items for a list. */
    limit: z.number().optional(),
    /** What kind of value the limit counts: `string`, `array`, `number`… */
    origin: z.string().optional(),
    /** The expected format (`invalid_format`): `email`, `url`, `date`, `uuid`, `regex`… */
    format: z.string().optional(),
  })
  .meta({ id: 'FieldError' });
export type FieldError = z.infer<typeof FieldErrorSchema>;

/**
 * The single error format of the API (RFC 9457 "problem details").
 * `type` is a stable URI naming the kind of problem; `errors` lists field errors.
 */
export const ProblemDocumentSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem' });
export type ProblemDocument = z.infer<typeof ProblemDocumentSchema>;

/** Stable problem types, documented at /api/v1/docs. */
export const problemTypes = {
  validation: 'https://sesame.example/problems/validation',
  malformedJson: 'https://sesame.example/problems/malformed-json',
  unauthorized: 'https://sesame.example/problems/unauthorized',
  forbidden: 'https://sesame.example/problems/forbidden',
  notFound: 'https://sesame.example/problems/not-found',
  conflict: 'https://sesame.example/problems/conflict',
  ruleViolation: 'https://sesame.example/problems/rule-violation',
  payloadTooLarge: 'https://sesame.example/problems/payload-too-large',
  unsupportedMediaType: 'https://sesame.example/problems/unsupported-media-type',
  rateLimited: 'https://sesame.example/problems/rate-limited',
  unavailable: 'https://sesame.example/problems/service-unavailable',
  internal: 'https://sesame.example/problems/internal',
} as const;

/**
 * Turns zod issues into field errors (path joined with dots). A refinement
 * names its reason with `params: { reason }`: it becomes the error's code.
 */
export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const reason = issue.code === 'custom' ? issue.params?.reason : undefined;
    const field: FieldError = { path: issue.path.map(String).join('.'), code: typeof reason === 'string' ? reason : issue.code, message: issue.message };
    if (issue.code === 'too_big') return { ...field, limit: Number(issue.maximum), origin: issue.origin };
    if (issue.code === 'too_small') return { ...field, limit: Number(issue.minimum), origin: issue.origin };
    if (issue.code === 'invalid_format') return { ...field, format: issue.format };
    return field;
  });
}

const countable = (origin: string | undefined, limit: number): string =>
  origin === 'string' ? `${limit} caractère${limit > 1 ? 's' : ''}` : origin === 'array' || origin === 'set' ? `${limit} élément${limit > 1 ? 's' : ''}` : String(limit);

/**
 * Plain French for what a schema does not word itself (zod's defaults are
 * technical English): pass it to `safeParse(value, { error: plainFrenchIssue })`.
 * A schema's own message always wins.
 */
export function plainFrenchIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'too_big':
      return `Au plus ${countable(issue.origin, Number(issue.maximum))}.`;
    case 'too_small':
      if (Number(issue.minimum) <= 1 && (issue.origin === 'string' || issue.origin === 'array')) return issue.origin === 'string' ? 'Remplissez ce champ.' : 'Ajoutez au moins un élément.';
      return `Au moins ${countable(issue.origin, Number(issue.minimum))}.`;
    case 'invalid_type':
      if (issue.input === undefined) return 'Ce champ est obligatoire.';
      if (issue.expected === 'number' || issue.expected === 'int') return 'Écrivez un nombre, en chiffres.';
      if (issue.expected === 'boolean') return 'Répondez par oui (true) ou non (false).';
      return 'Ce type de valeur n’est pas accepté ici.';
    case 'invalid_format':
      if (issue.format === 'email') return 'Écrivez une adresse e-mail complète, par exemple nom@exemple.fr.';
      if (issue.format === 'url') return 'Écrivez une adresse web complète, commençant par https://.';
      if (issue.format === 'date') return 'Écrivez une date au format AAAA-MM-JJ.';
      return 'Ce format n’est pas reconnu.';
    case 'invalid_value':
      return 'Choisissez une des valeurs proposées.';
    case 'unrecognized_keys':
      return `Champ inconnu : ${issue.keys.join(', ')}. Retirez-le.`;
    case 'invalid_union':
      return 'Cette valeur n’a aucune des formes acceptées.';
    default:
      return undefined;
  }
}
