import { resolveLocale, timeZone, type AppLocale } from './config';

/**
 * One way to write dates per language, everywhere (docs/glossary.md, rule 5):
 * « 5 janvier 2027 », « 5 janvier 2027 à 14:05 »; "5 January 2027",
 * "5 January 2027 at 14:05" — British English, like the rest of the English
 * text — always in the town's time zone.
 */
const INTL_LOCALE: Record<AppLocale, string> = { fr: 'fr-FR', en: 'en-GB' };

export interface DateWords {
  /** « 5 janvier 2027 » */
  date(value: Date | string): string;
  /** « 5 janvier 2027 à 14:05 » */
  dateTime(value: Date | string): string;
  /** A calendar day written YYYY-MM-DD (a review date, a birth date…), the same day everywhere. */
  day(value: string): string;
}

const asDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);

/** YYYY-MM-DD at noon UTC: the same day in every European time zone. */
function calendarDate(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const parsed = new Date(`${value}T12:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

export function dateWords(locale: string): DateWords {
  const intl = INTL_LOCALE[resolveLocale(locale)];
  const date = new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeZone });
  const dateTime = new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeStyle: 'short', timeZone });
  // An unreadable value is shown as it came, rather than « Invalid Date ».
  const safely = (format: Intl.DateTimeFormat) => (value: Date | string) => {
    const parsed = asDate(value);
    return Number.isNaN(parsed.getTime()) ? String(value) : format.format(parsed);
  };
  return {
    date: safely(date),
    dateTime: safely(dateTime),
    day: (value) => {
      const parsed = calendarDate(value);
      return parsed ? date.format(parsed) : value;
    },
  };
}
