type ReasonKey = 'reason.spam';

/**
 * A moderation reason's name in the reader's language (`Deliberations.labels.reason.*`);
 * a space's own code (its organisers may write other reasons) is shown as it is.
 */
export function reasonName(labels: { (key: ReasonKey): string; has(key: ReasonKey): boolean }, code: string): string {
  const key = `reason.${code}` as ReasonKey;
  return labels.has(key) ? labels(key) : code;
}
