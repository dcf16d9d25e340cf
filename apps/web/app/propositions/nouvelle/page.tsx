import { DataUseReferenceSchema } from '@sesame/domain';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePerson } from '@/features/identity/session';
import { autosaveProposalDraft, saveProposalDraft } from '@/features/proposals/actions';
import { ProposalEditor } from '@/features/proposals/components/ProposalEditor';
import { ProposalsIntl } from '@/features/proposals/components/ProposalsIntl';
import { EMPTY_VALUES } from '@/features/proposals/content';
import { fetchDataUseChoices, fetchNeighbourhoodChoices } from '@/features/proposals/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('ProposalEditor'))('metaNew') };
}

type Props = { searchParams: Promise<{ usage?: string | string[] }> };

/** A new proposal; `?usage=DU-2027-001` (from a register record) chooses the data use. */
export default async function NewProposalPage({ searchParams }: Props) {
  await requirePerson('/propositions/nouvelle');
  const { usage } = await searchParams;
  const [dataUses, neighbourhoods, t, list] = await Promise.all([fetchDataUseChoices(), fetchNeighbourhoodChoices(), getTranslations('ProposalEditor'), getTranslations('Proposals.list')]);
  const chosen = typeof usage === 'string' && DataUseReferenceSchema.safeParse(usage).success && dataUses.some((d) => d.reference === usage) ? usage : '';
  return (
    <>
      <PageHeader title={t('titleNew')} lead={t('lead')}>
        <p>{t('steps')}</p>
        <p>
          <Link href="/propositions/charte">{list('charter')}</Link>
        </p>
      </PageHeader>
      <ProposalsIntl>
        <ProposalEditor
          action={saveProposalDraft}
          autosave={autosaveProposalDraft}
          reference={null}
          values={{ ...EMPTY_VALUES, dataUseReference: chosen }}
          dataUses={dataUses}
          neighbourhoods={neighbourhoods.map(({ id, name }) => ({ id, name }))}
        />
      </ProposalsIntl>
    </>
  );
}
