import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';

import { translator } from '@/components/forms/problem-state';
import { requirePerson } from '@/features/identity/session';
import { ProposalEditorPage } from '@/features/proposals/components/ProposalEditorPage';
import { valuesFromContent } from '@/features/proposals/content';
import { missingByField } from '@/features/proposals/form-wording';
import { fetchProposal, isProposalReference } from '@/features/proposals/queries';
import type { EditorState } from '@/features/proposals/state';

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ enregistre?: string; completer?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reference } = await params;
  const t = await getTranslations('ProposalEditor');
  return { title: isProposalReference(reference) ? t('metaEdit', { reference }) : t('metaNew') };
}

/**
 * The author's draft, to continue writing. Once submitted, a proposal no
 * longer changes: its page instead. `?completer=1` (the preview's links to
 * what is missing) shows what the draft lacks, next to each input.
 */
export default async function EditProposalPage({ params, searchParams }: Props) {
  const { reference } = await params;
  if (!isProposalReference(reference)) notFound();
  await requirePerson(`/propositions/${reference}/modifier`);
  const proposal = await fetchProposal(reference);
  if (!proposal) notFound();
  if (!proposal.viewer.can['proposals.edit'].allowed) redirect(`/propositions/${reference}`);
  const { enregistre, completer } = await searchParams;
  const values = valuesFromContent(proposal.content);
  let initialState: EditorState | undefined;
  if (completer) {
    const forms = translator(await getTranslations('ProposalForms'));
    const fieldErrors = missingByField(proposal.content, forms) as Record<string, string>;
    const count = Object.keys(fieldErrors).length;
    if (count > 0) initialState = { status: 'error', message: forms('toComplete', { count }), fieldErrors, values, at: 1 };
  }
  return <ProposalEditorPage reference={reference} values={values} created={Boolean(enregistre)} initialState={initialState} />;
}
