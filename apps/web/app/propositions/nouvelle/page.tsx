import { DataUseReferenceSchema } from '@sesame/domain';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { requirePerson } from '@/features/identity/session';
import { ProposalEditorPage } from '@/features/proposals/components/ProposalEditorPage';
import { EMPTY_VALUES } from '@/features/proposals/content';
import { fetchDataUseChoices } from '@/features/proposals/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('ProposalEditor'))('metaNew') };
}

type Props = { searchParams: Promise<{ usage?: string | string[] }> };

/** A new proposal; `?usage=DU-2027-001` (from a register record) chooses the data use. */
export default async function NewProposalPage({ searchParams }: Props) {
  await requirePerson('/propositions/nouvelle');
  const { usage } = await searchParams;
  // Cached per request: the editor page reads the same choices.
  const dataUses = await fetchDataUseChoices();
  const chosen = typeof usage === 'string' && DataUseReferenceSchema.safeParse(usage).success && dataUses.some((d) => d.reference === usage) ? usage : '';
  return <ProposalEditorPage reference={null} values={{ ...EMPTY_VALUES, dataUseReference: chosen }} />;
}
