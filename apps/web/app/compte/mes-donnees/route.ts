import { callApi } from '@/lib/api/client';
import { currentPerson } from '@/features/identity/session';

/** "Download my data": the API's export, handed over as a file. */
export async function GET() {
  const person = await currentPerson();
  if (!person) return new Response('Connectez-vous pour télécharger vos données.', { status: 401 });
  const upstream = await callApi('/api/v1/me/export', { as: person });
  return new Response(upstream.body, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': upstream.headers.get('content-disposition') ?? 'attachment; filename="sesame-mes-donnees.json"',
      'cache-control': 'no-store',
    },
  });
}
