import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { TransparencyView } from '@/features/moderation/components/TransparencyView';
import { moderationLabels } from '@/features/moderation/labels';
import { fetchTransparency } from '@/features/moderation/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Moderation.transparency'))('metaTitle') };
}

/** The moderation figures of the whole platform. */
export default async function TransparencyPage() {
  const [t, labels] = [await getTranslations('Moderation.transparency'), await moderationLabels()];
  const figures = await fetchTransparency(null);
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')}>
        <p>
          <Link href="/moderation">{t('log')}</Link>
        </p>
      </PageHeader>
      <TransparencyView figures={figures} labels={labels} />
    </>
  );
}
