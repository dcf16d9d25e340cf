import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { PageHeader } from '@/components/ui/PageHeader';
import { SpaceLinks } from '@/features/moderation/components/SpaceLinks';
import { TransparencyView } from '@/features/moderation/components/TransparencyView';
import { moderationLabels } from '@/features/moderation/labels';
import { fetchSpace, fetchTransparency } from '@/features/moderation/queries';
import { Content } from '@/i18n/content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Moderation.transparency'))('spaceMetaTitle') };
}

/** A space's moderation figures. */
export default async function SpaceTransparencyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const space = await fetchSpace(id);
  if (!space) notFound();
  const [t, labels] = [await getTranslations('Moderation.transparency'), await moderationLabels()];
  const figures = await fetchTransparency(id);
  return (
    <>
      <PageHeader title={t('spaceTitle')} lead={t.rich('spaceLead', { title: space.subject.title, fr: (chunks) => <Content>{chunks}</Content> })}>
        <SpaceLinks space={space} current="transparency" />
      </PageHeader>
      <TransparencyView figures={figures} labels={labels} policy={space.rules.moderationPolicy} />
    </>
  );
}
