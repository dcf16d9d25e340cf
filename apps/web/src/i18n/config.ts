// Locale settings shared by the request config, the language switch and the layout.
// The locale lives in a cookie, never in the URL, so every page has a single address.

export const locales = ['fr', 'en'] as const;
export type AppLocale = (typeof locales)[number];

export const defaultLocale: AppLocale = 'fr';

/** Same cookie name next-intl uses by default, so tooling recognises it. */
export const LOCALE_COOKIE = 'NEXT_LOCALE';

/**
 * The language residents and staff write in (records, proposals, notes). In
 * the English interface it stays French: content is marked `lang="fr"` so that
 * screen readers read it with a French voice.
 */
export const CONTENT_LANG: AppLocale = 'fr';

/** All dates are shown in the town's time zone, whatever the server's. */
export const timeZone = 'Europe/Paris';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Anything that is not a supported locale falls back to French. */
export function resolveLocale(value: string | undefined): AppLocale {
  return isAppLocale(value) ? value : defaultLocale;
}
