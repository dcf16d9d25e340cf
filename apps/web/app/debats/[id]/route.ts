import { NextResponse, type NextRequest } from 'next/server';

import { fetchSpace } from '@/features/moderation/queries';

/**
 * A space's short address (the reporters' notifications link here): to the
 * thread of its subject — a proposal's debate page, a consultation's
 * deliberation page — or to its public moderation log otherwise.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const space = await fetchSpace(id);
  if (!space) return new NextResponse('Aucun espace de délibération à cette adresse.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const target =
    space.subject.type === 'proposal' ? `/propositions/${space.subject.reference}/debat` : space.subject.type === 'consultation' ? `/consultations/${space.subject.reference}/deliberation` : `/debats/${id}/journal-de-moderation`;
  return NextResponse.redirect(new URL(target, request.nextUrl.origin), 307);
}
