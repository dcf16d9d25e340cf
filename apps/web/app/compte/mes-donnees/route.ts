import { getTranslations } from 'next-intl/server';

import { callApi } from '@/lib/api/client';
import { currentPerson } from '@/features/identity/session';

/** "Download my data" for software: the API's export, handed over as a JSON file (the readable page is ./lisible). */
export async function GET() {
  const person = await currentPerson();
  if (!person) return new Response((await getTranslations('PersonalData'))('signIn'), { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const upstream = await callApi('/api/v1/me/export', { as: person });
  return new Response(upstream.body, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': upstream.headers.get('content-disposition') ?? 'attachment; filename="sesame-mes-donnees.json"',
      'cache-control': 'no-store',
    },
  });
}
