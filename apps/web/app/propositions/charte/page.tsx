import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import styles from '@/features/proposals/components/proposals.module.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Proposals.charter'))('metaTitle') };
}

const RULES = ['respect', 'privacy', 'topic', 'honest', 'moderation'] as const;

/** The participation charter every author accepts before submitting a proposal. */
export default async function CharterPage() {
  const t = await getTranslations('Proposals.charter');
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <div className={styles.charter}>
        {RULES.map((rule) => (
          <section key={rule} aria-labelledby={`charte-${rule}`}>
            <h2 id={`charte-${rule}`}>{t(`${rule}Title`)}</h2>
            <p>{t(`${rule}Text`)}</p>
          </section>
        ))}
        <p>
          <Link href="/propositions">{t('back')}</Link>
        </p>
      </div>
    </>
  );
}
