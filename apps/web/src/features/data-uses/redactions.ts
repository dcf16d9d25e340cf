/**
 * Redacted fields. The API withholds their values from the public and keeps
 * their published reasons in `content.redactions` (dotted paths relative to
 * the content). A field is withheld when its own path or one of its
 * ancestors' is listed: `processors.0` covers `processors.0.contractReference`.
 */

export interface Redaction {
  field: string;
  reason: string;
}

/** The redaction covering `path`, or null when the value is public. */
export function redactionFor(redactions: readonly Redaction[], path: string): Redaction | null {
  const segments = path.split('.');
  for (let length = segments.length; length > 0; length -= 1) {
    const candidate = segments.slice(0, length).join('.');
    const found = redactions.find((redaction) => redaction.field === candidate);
    if (found) return found;
  }
  return null;
}

/** Whether some redaction lies inside `path` (e.g. `processors.0.contractReference` inside `processors`). */
export function hasRedactionWithin(redactions: readonly Redaction[], path: string): boolean {
  return redactions.some((redaction) => redaction.field === path || redaction.field.startsWith(`${path}.`));
}
