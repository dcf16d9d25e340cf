import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { PageHeader } from '@/components/ui/PageHeader';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('MentionsLegales');
  return { title: t('metaTitle') };
}

const dataPoints = ['minimum', 'display', 'cookies', 'journal', 'rights'] as const;

export default async function LegalNoticePage() {
  const t = await getTranslations('MentionsLegales');

  return (
    <div className="prose">
      <PageHeader title={t('title')} />

      <section aria-labelledby="publisher-title" className="section">
        <h2 id="publisher-title">{t('publisherTitle')}</h2>
        {/* The operating organisation states who it is in its own configuration. */}
        {process.env.SESAME_PUBLISHER ? <p className="prewrap">{process.env.SESAME_PUBLISHER}</p> : <p className="to-complete">{t('publisher')}</p>}
      </section>

      <section aria-labelledby="hosting-title" className="section">
        <h2 id="hosting-title">{t('hostingTitle')}</h2>
        {process.env.SESAME_HOSTING ? <p className="prewrap">{process.env.SESAME_HOSTING}</p> : <p className="to-complete">{t('hosting')}</p>}
        <p>{t('hostingSelf')}</p>
      </section>

      <section aria-labelledby="data-title" className="section">
        <h2 id="data-title">{t('dataTitle')}</h2>
        <ul>
          {dataPoints.map((key) => (
            <li key={key}>{t(`data.${key}`)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="licence-title" className="section">
        <h2 id="licence-title">{t('licenceTitle')}</h2>
        <p>{t('licence')}</p>
      </section>
    </div>
  );
}
