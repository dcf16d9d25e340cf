import { type NextRequest, NextResponse } from 'next/server';

import { wordedRefusal } from '@/components/forms/problem-state';
import { ApiProblem } from '@/lib/api/problem';
import { callApi } from '@/lib/api/client';
import { currentPerson } from '@/features/identity/session';

/**
 * Creates a batch of invitation codes and hands the file (PDF letters or CSV)
 * to the browser as a download. A plain form posts here, so it works without
 * JavaScript. The codes pass through, nothing is stored here.
 */
export async function POST(request: NextRequest) {
  // Same-origin forms only (the session cookie is SameSite=Lax too).
  const origin = request.headers.get('origin');
  if (origin && origin !== request.nextUrl.origin) return new Response('Forbidden', { status: 403 });
  const person = await currentPerson();
  if (!person) return NextResponse.redirect(new URL('/connexion', request.nextUrl.origin), 303);
  const form = await request.formData();
  const format = form.get('format') === 'csv' ? 'csv' : 'pdf';
  try {
    const upstream = await callApi(`/api/v1/verification/invitation-batches?format=${format}`, {
      method: 'POST',
      as: person,
      body: { neighbourhoodId: String(form.get('neighbourhoodId') ?? ''), count: Number(form.get('count')), label: String(form.get('label') ?? '') },
    });
    return new Response(upstream.body, {
      headers: {
        'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
        'content-disposition': upstream.headers.get('content-disposition') ?? 'attachment',
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status >= 500) throw error;
    // Back to the form, saying what was wrong, in the reader's language, with what was typed (the page shows it again).
    const back = new URL('/organisation/verification', request.nextUrl.origin);
    const refused = await wordedRefusal(error.problem, error.problem.detail ?? '');
    back.searchParams.set('erreur', [...Object.values(refused.fieldErrors), ...refused.formErrors].join(' ') || refused.message);
    for (const name of ['neighbourhoodId', 'count', 'label', 'format']) {
      const value = form.get(name);
      if (typeof value === 'string') back.searchParams.set(name, value.slice(0, 200));
    }
    return NextResponse.redirect(back, 303);
  }
}
