import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { PageHeader } from '@/components/ui/PageHeader';
import { LogList, LogOpenData } from '@/features/moderation/components/LogList';
import { SpaceLinks } from '@/features/moderation/components/SpaceLinks';
import { moderationLabels } from '@/features/moderation/labels';
import { fetchSpace, fetchSpaceLog } from '@/features/moderation/queries';
import { Content } from '@/i18n/content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Moderation.log'))('spaceMetaTitle') };
}

const pageOf = (value: string | undefined) => {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1;
};

/** A space's public moderation log. */
export default async function SpaceLogPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const [{ id }, { page }] = [await params, await searchParams];
  const space = await fetchSpace(id);
  if (!space) notFound();
  const [t, labels] = [await getTranslations('Moderation.log'), await moderationLabels()];
  const log = await fetchSpaceLog(id, pageOf(page));
  const path = `/debats/${id}/journal-de-moderation`;
  return (
    <>
      <PageHeader title={t('spaceTitle')} lead={t.rich('spaceLead', { title: space.subject.title, fr: (chunks) => <Content>{chunks}</Content> })}>
        <SpaceLinks space={space} current="log" />
      </PageHeader>
      <LogList log={log} labels={labels} policy={space.rules.moderationPolicy} hrefAt={(n) => (n === 1 ? path : `${path}?page=${n}`)} />
      <LogOpenData />
    </>
  );
}
