/**
 * The time of day as people say it: « 14 h 32 » in French, "2:32 PM" in
 * English — in the town's time zone, whatever the server's.
 */
export function clockTime(date: Date, locale: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { hour: 'numeric', minute: '2-digit', hour12: locale !== 'fr', timeZone }).formatToParts(date);
  if (locale !== 'fr') return parts.map((part) => part.value).join('');
  const hour = parts.find((part) => part.type === 'hour')?.value ?? '';
  const minute = parts.find((part) => part.type === 'minute')?.value ?? '';
  return `${Number(hour)} h ${minute}`;
}
