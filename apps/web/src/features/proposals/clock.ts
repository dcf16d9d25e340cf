/**
 * The time of day as people say it: « 14 h 32 » in French, "14:32" in
 * English (the 24-hour clock of every English date, see i18n/dates.ts) — in
 * the town's time zone, whatever the server's.
 */
export function clockTime(date: Date, locale: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { hour: locale === 'fr' ? 'numeric' : '2-digit', minute: '2-digit', hour12: false, timeZone }).formatToParts(date);
  if (locale !== 'fr') return parts.map((part) => part.value).join('');
  const hour = parts.find((part) => part.type === 'hour')?.value ?? '';
  const minute = parts.find((part) => part.type === 'minute')?.value ?? '';
  return `${Number(hour)} h ${minute}`;
}
