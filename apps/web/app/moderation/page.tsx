import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { LogList, LogOpenData } from '@/features/moderation/components/LogList';
import styles from '@/features/moderation/components/moderation.module.css';
import { moderationLabels } from '@/features/moderation/labels';
import { fetchOverallLog } from '@/features/moderation/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Moderation.log'))('metaTitle') };
}

const pageOf = (value: string | undefined) => {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1;
};

/** The platform's public moderation log: every decision with its reason, never the hidden text. */
export default async function ModerationLogPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { page } = await searchParams;
  const [t, labels] = [await getTranslations('Moderation.log'), await moderationLabels()];
  const log = await fetchOverallLog(pageOf(page));
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')}>
        <ul className={styles.links}>
          <li>
            <Link href="/moderation/transparence">{t('transparency')}</Link>
          </li>
          <li>
            <Link href="/debats">{t('spaces')}</Link>
          </li>
        </ul>
      </PageHeader>
      <LogList log={log} labels={labels} hrefAt={(n) => (n === 1 ? '/moderation' : `/moderation?page=${n}`)} />
      <LogOpenData />
    </>
  );
}
