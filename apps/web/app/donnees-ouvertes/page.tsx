import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { ApiLink } from '@/components/ui/ApiLink';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('DonneesOuvertes');
  return { title: t('metaTitle') };
}

const futureDatasets = ['registre', 'propositions', 'consultations', 'comite'] as const;

export default async function OpenDataPage() {
  const t = await getTranslations('DonneesOuvertes');

  return (
    <div className="prose">
      <PageHeader title={t('title')} lead={t('lead')} />

      <section aria-labelledby="journal-title" className="section">
        <h2 id="journal-title">{t('journalTitle')}</h2>
        <p>{t('journal')}</p>
        <ul>
          <li>
            <Link href="/journal">{t('journalPage')}</Link>
          </li>
          <li>
            <ApiLink href="/api/v1/audit-log">{t('journalJson')}</ApiLink> (<code>/api/v1/audit-log</code>)
          </li>
          <li>
            <ApiLink href="/api/v1/audit-log/verification">{t('journalVerification')}</ApiLink> (
            <code>/api/v1/audit-log/verification</code>)
          </li>
        </ul>
      </section>

      <section aria-labelledby="api-title" className="section">
        <h2 id="api-title">{t('apiTitle')}</h2>
        <p>{t('api')}</p>
        <p>
          <ApiLink href="/api/v1/docs">{t('apiDocs')}</ApiLink>
        </p>
      </section>

      <section aria-labelledby="licence-title" className="section">
        <h2 id="licence-title">{t('licenceTitle')}</h2>
        <p>{t('licence')}</p>
      </section>

      <section aria-labelledby="future-title" className="section">
        <h2 id="future-title">{t('futureTitle')}</h2>
        <p>{t('futureIntro')}</p>
        <ul>
          {futureDatasets.map((key) => (
            <li key={key}>{t(`future.${key}`)}</li>
          ))}
        </ul>
        <p>{t('noPersonalData')}</p>
      </section>
    </div>
  );
}
