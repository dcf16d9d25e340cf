import { getLocale, getTranslations } from 'next-intl/server';

import { currentPerson } from '@/features/identity/session';
import { fetchMyData } from '@/features/people/queries';
import { renderReadableExport } from '@/features/people/readable-export';
import { readableExportWords } from '@/features/people/readable-export-words';
import { ApiProblem } from '@/lib/api/problem';

const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * "Download my data", to read: the same export as the JSON file, as one HTML
 * page in the reader's language that opens in any browser and prints well.
 */
export async function GET() {
  const t = await getTranslations('PersonalData');
  const person = await currentPerson();
  if (!person) return text(t('signIn'), 401);
  let data: Record<string, unknown>;
  try {
    data = await fetchMyData(person);
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) return text(t('signIn'), 401);
    if (error instanceof ApiProblem) return text(t('unavailable'), 503);
    throw error;
  }
  const exportedAt = typeof data.exportedAt === 'string' ? data.exportedAt : new Date().toISOString();
  const html = renderReadableExport(data, await readableExportWords(exportedAt));
  const name = (await getLocale()) === 'en' ? 'sesame-my-data' : 'sesame-mes-donnees';
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-disposition': `attachment; filename="${name}-${exportedAt.slice(0, 10)}.html"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
