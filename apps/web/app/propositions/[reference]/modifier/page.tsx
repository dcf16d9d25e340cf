import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';

import { requirePerson } from '@/features/identity/session';
import { ProposalEditorPage } from '@/features/proposals/components/ProposalEditorPage';
import { valuesFromContent } from '@/features/proposals/content';
import { fetchProposal, isProposalReference } from '@/features/proposals/queries';

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ enregistre?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reference } = await params;
  const t = await getTranslations('ProposalEditor');
  return { title: isProposalReference(reference) ? t('metaEdit', { reference }) : t('metaNew') };
}

/** The author's draft, to continue writing. Once submitted, a proposal no longer changes: its page instead. */
export default async function EditProposalPage({ params, searchParams }: Props) {
  const { reference } = await params;
  if (!isProposalReference(reference)) notFound();
  await requirePerson(`/propositions/${reference}/modifier`);
  const proposal = await fetchProposal(reference);
  if (!proposal) notFound();
  if (!proposal.viewer.can['proposals.edit'].allowed) redirect(`/propositions/${reference}`);
  const { enregistre } = await searchParams;
  return <ProposalEditorPage reference={reference} values={valuesFromContent(proposal.content)} created={Boolean(enregistre)} />;
}
