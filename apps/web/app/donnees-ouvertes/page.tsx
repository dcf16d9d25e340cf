import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

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
          {/* API URLs are served by the backend through the rewrite: plain links. */}
          <li>
            <a href="/api/v1/audit-log">{t('journalJson')}</a> (<code>/api/v1/audit-log</code>)
          </li>
          <li>
            <a href="/api/v1/audit-log/verification">{t('journalVerification')}</a> (
            <code>/api/v1/audit-log/verification</code>)
          </li>
        </ul>
      </section>

      <section aria-labelledby="api-title" className="section">
        <h2 id="api-title">{t('apiTitle')}</h2>
        <p>{t('api')}</p>
        <p>
          <a href="/api/v1/docs">{t('apiDocs')}</a>
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
