/**
 * Returns `candidate` when it is a same-site relative path, otherwise "/".
 * Rejects protocol-relative ("//evil") and backslash forms ("/\\evil"), which
 * browsers treat as another origin, so the language switch cannot become an
 * open redirect.
 */
export function safeRelativePath(candidate: unknown): string {
  if (typeof candidate !== 'string') return '/';
  if (!candidate.startsWith('/') || candidate.startsWith('//')) return '/';
  if (candidate.includes('\\')) return '/';
  // Control characters (CR/LF, tab…) have no place in a path we redirect to.
  for (let i = 0; i < candidate.length; i += 1) {
    const code = candidate.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return '/';
  }
  // Beyond ASCII (« l’eau »), percent-encoded: a Location header carries bytes, not any text.
  return Array.from(candidate, (character) => (character.codePointAt(0)! > 0x7e ? encodeURIComponent(character) : character)).join('');
}
