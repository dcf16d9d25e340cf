import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { threadPath } from '@/features/deliberations/paths';
import { fetchProposalDeliberation } from '@/features/deliberations/queries';
import { OpinionMapPage } from '@/features/opinion-map/components/OpinionMapPage';
import { statementsPath } from '@/features/opinion-map/paths';
import { Content } from '@/i18n/content';

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reference } = await params;
  const space = await fetchProposalDeliberation(reference);
  if (!space) return {};
  const t = await getTranslations('OpinionMap.mapPage');
  return { title: t('metaTitle', { title: space.subject.title, reference }) };
}

/** The opinion map of a proposal's debate. */
export default async function ProposalOpinionMapPage({ params }: Props) {
  const { reference } = await params;
  const space = await fetchProposalDeliberation(reference);
  if (!space) notFound();
  const t = await getTranslations('OpinionMap.mapPage');
  return (
    <OpinionMapPage
      reference={reference}
      spaceId={space.id}
      lead={t.rich('lead', { title: space.subject.title, fr: (chunks) => <Content>{chunks}</Content> })}
      links={[
        { href: threadPath(reference), label: t('backToDebate') },
        { href: statementsPath(reference), label: t('toStatements') },
      ]}
    />
  );
}
