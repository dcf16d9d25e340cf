import type { AppLocale } from './config';
import { en, fr } from './catalogues.generated';

/**
 * The message catalogues. The shell's strings are in messages/{fr,en}.json;
 * features keep theirs in messages/<feature>/{fr,en}.json, each file holding
 * whole namespaces. catalogues.generated.ts imports every folder found there
 * (see catalogue-index.ts): a new folder needs no line here.
 */
export { fr };
export type Messages = typeof fr;

// Typing the map against the French catalogue makes `tsc` fail when the
// English one lacks a key (catalogues.spec.ts also checks both languages match exactly).
export const catalogues: Record<AppLocale, Messages> = { fr, en };
