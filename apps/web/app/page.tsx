import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Home');
  return { title: { absolute: t('metaTitle') } };
}

const actionCards = [
  { href: '/registre', key: 'registre' },
  { href: '/propositions', key: 'propositions' },
  { href: '/consultations', key: 'consultations' },
] as const;

export default async function HomePage() {
  const t = await getTranslations('Home');

  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />

      <section aria-labelledby="what-title" className="section prose">
        <h2 id="what-title">{t('whatTitle')}</h2>
        <p>{t('what1')}</p>
        <p>{t('what2')}</p>
        <ul>
          <li>{t('exampleCameras')}</li>
          <li>{t('exampleMobility')}</li>
          <li>{t('exampleHealth')}</li>
          <li>{t('exampleAlgorithms')}</li>
        </ul>
        <p>{t('what3')}</p>
      </section>

      <section aria-labelledby="do-title" className="section">
        <h2 id="do-title">{t('doTitle')}</h2>
        <ul className="card-grid">
          {actionCards.map(({ href, key }) => (
            <li key={key} className="card">
              <h3 className="card__title">
                <Link href={href} className="card__link">
                  {t(`${key}Title`)}
                </Link>
              </h3>
              <p>{t(`${key}Text`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="comite-title" className="section prose">
        <h2 id="comite-title">{t('comiteTitle')}</h2>
        <p>{t('comiteText')}</p>
        <p>
          <Link href="/comite">{t('comiteLink')}</Link>
        </p>
      </section>

      <section aria-labelledby="privacy-title" className="section prose callout">
        <h2 id="privacy-title">{t('privacyTitle')}</h2>
        <ul>
          <li>{t('privacyMinimum')}</li>
          <li>{t('privacyTrackers')}</li>
          <li>{t('privacyPseudonym')}</li>
          <li>{t('privacyEmail')}</li>
          <li>{t('privacyJournal')}</li>
        </ul>
      </section>
    </>
  );
}
