import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { OverdueCounter } from '@/features/authority-responses/components/OverdueCounter';
import { fetchOverdueCounter } from '@/features/authority-responses/queries';
import { DataUseCard } from '@/features/data-uses/components/DataUseCard';
import { fetchLiveContent } from '@/features/home/queries';
import { ProposalCard } from '@/features/proposals/components/ProposalCard';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Home');
  return { title: { absolute: t('metaTitle') } };
}

export default async function HomePage() {
  const [t, live, consultations] = [await getTranslations('Home'), await getTranslations('HomeLive'), await getTranslations('Consultation.home')];
  // What is live now: a section only when there is something in it (consultations will join once they exist).
  const [{ proposals, dueRecords }, overdueAnswers] = await Promise.all([fetchLiveContent(), fetchOverdueCounter()]);

  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />

      {overdueAnswers && overdueAnswers.overdueResponses + overdueAnswers.overdueProgressReports > 0 ? <OverdueCounter counter={overdueAnswers} /> : null}

      {proposals && proposals.items.length > 0 ? (
        <section aria-labelledby="live-proposals" className="section">
          <h2 id="live-proposals">{live('proposalsTitle')}</h2>
          <p className="prose">{live('proposalsLead')}</p>
          <ul className="card-grid">
            {proposals.items.map((item) => (
              <li key={item.reference}>
                <ProposalCard item={item} />
              </li>
            ))}
          </ul>
          <p>
            <Link href="/propositions">{live('proposalsAll', { total: proposals.total })}</Link>
          </p>
        </section>
      ) : null}

      {dueRecords && dueRecords.items.length > 0 ? (
        <section aria-labelledby="live-due" className="section">
          <h2 id="live-due">{live('dueTitle')}</h2>
          <p className="prose">{live('dueLead')}</p>
          <ul className="card-grid">
            {dueRecords.items.map((item) => (
              <li key={item.reference}>
                <DataUseCard item={item} />
              </li>
            ))}
          </ul>
          <p>
            <Link href="/registre">{live('dueAll')}</Link>
          </p>
        </section>
      ) : null}

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

      {/* Only what can be done today: consultations get their card once there are some. */}
      <section aria-labelledby="do-title" className="section">
        <h2 id="do-title">{t('doTitle')}</h2>
        <ul className="card-grid">
          <li className="card">
            <h3 className="card__title">
              <Link href="/registre" className="card__link">
                {t('registreTitle')}
              </Link>
            </h3>
            <p>{t('registreText')}</p>
          </li>
          <li className="card">
            <h3 className="card__title">
              <Link href="/propositions" className="card__link">
                {t('propositionsTitle')}
              </Link>
            </h3>
            <p>{proposals && proposals.total === 0 ? live('proposalsFirst') : t('propositionsText')}</p>
          </li>
          <li className="card">
            <h3 className="card__title">
              <Link href="/consultations" className="card__link">
                {consultations('title')}
              </Link>
            </h3>
            <p>{consultations('text')}</p>
          </li>
        </ul>
      </section>

      <section aria-labelledby="comite-title" className="section prose">
        <h2 id="comite-title">{t('comiteTitle')}</h2>
        <p>{live('comiteText')}</p>
        <ul>
          <li>
            <Link href="/comite">{t('comiteLink')}</Link>
          </li>
          <li>
            <Link href="/comite/avis">{live('comiteOpinions')}</Link>
          </li>
        </ul>
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
