import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePerson } from '@/features/identity/session';
import { autosaveProposalDraft, saveProposalDraft } from '@/features/proposals/actions';
import { ProposalEditor } from '@/features/proposals/components/ProposalEditor';
import { ProposalsIntl } from '@/features/proposals/components/ProposalsIntl';
import { valuesFromContent } from '@/features/proposals/content';
import { fetchDataUseChoices, fetchNeighbourhoodChoices, fetchProposal, isProposalReference } from '@/features/proposals/queries';

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
  if (!proposal.viewer?.isAuthor || proposal.state !== 'draft') redirect(`/propositions/${reference}`);
  const { enregistre } = await searchParams;
  const [dataUses, neighbourhoods, t, list] = await Promise.all([fetchDataUseChoices(), fetchNeighbourhoodChoices(), getTranslations('ProposalEditor'), getTranslations('Proposals.list')]);
  return (
    <>
      <PageHeader title={t('titleEdit')} lead={t('lead')}>
        <p>{t('steps')}</p>
        <p>
          <Link href="/propositions/charte">{list('charter')}</Link>
        </p>
      </PageHeader>
      <ProposalsIntl>
        <ProposalEditor
          action={saveProposalDraft}
          autosave={autosaveProposalDraft}
          reference={reference}
          values={valuesFromContent(proposal.content)}
          dataUses={dataUses}
          neighbourhoods={neighbourhoods.map(({ id, name }) => ({ id, name }))}
          notice={enregistre ? t('created') : undefined}
        />
      </ProposalsIntl>
    </>
  );
}
