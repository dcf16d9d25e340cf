import { getLocale } from 'next-intl/server';

import { dateWords, type DateWords } from './date-words';

export { dateWords, type DateWords } from './date-words';

/** The reader's date words (see date-words.ts), in a server component, action or route. */
export async function getDateWords(): Promise<DateWords> {
  return dateWords(await getLocale());
}
