import { MIN_VOTES_TO_CLUSTER } from '@sesame/domain';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { fetchConsultation, fetchConsultationDeliberation } from '@/features/consultations/queries';
import { MapFigure } from '@/features/opinion-map/components/MapFigure';
import { MapLiveUpdates } from '@/features/opinion-map/components/MapLiveUpdates';
import { Common, Groups, MapTable, Method } from '@/features/opinion-map/components/MapSections';
import styles from '@/features/opinion-map/components/opinion-map.module.css';
import { statementsPath } from '@/features/opinion-map/paths';
import { fetchOpinionMap, fetchStatements } from '@/features/opinion-map/queries';
import { Content } from '@/i18n/content';

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const consultation = await fetchConsultation((await params).reference);
  const t = await getTranslations('Consultation');
  return { title: consultation ? t('deliberation.metaTitleMap', { title: consultation.title }) : t('notFound') };
}

/** The opinion map of a consultation's deliberation space (the opinion map's own sections, as on a proposal's debate). */
export default async function ConsultationOpinionMapPage({ params }: Props) {
  const { reference } = await params;
  const consultation = await fetchConsultation(reference);
  if (!consultation) notFound();
  const space = await fetchConsultationDeliberation(reference);
  if (!space) notFound();
  const map = await fetchOpinionMap(space.id);
  if (!map) notFound();
  // A reader who voted but is not on the map yet is told how many votes place them (as on a proposal's map).
  const statements = map.status === 'ready' && !map.me ? await fetchStatements(space.id) : null;
  const myVotes = statements ? statements.statements.filter((statement) => statement.myVote !== null && !statement.meta && statement.state === 'approved').length : 0;
  const needVotes = Math.min(MIN_VOTES_TO_CLUSTER, map.statements.length);
  const [t, own, live] = [await getTranslations('OpinionMap.mapPage'), await getTranslations('Consultation.deliberation'), await getTranslations('OpinionMap.live')];

  return (
    <>
      <PageHeader title={t('title')} lead={own.rich('mapLead', { title: consultation.title, fr: (chunks) => <Content>{chunks}</Content> })}>
        <ul className={styles.links}>
          <li>
            <Link href={`/consultations/${reference}`}>{own('backToConsultation')}</Link>
          </li>
          <li>
            <Link href={statementsPath(reference)}>{own('toStatements')}</Link>
          </li>
        </ul>
      </PageHeader>
      <MapLiveUpdates spaceId={space.id} texts={{ map: live('map'), statement: live('statement') }} />

      {map.status === 'too_early' ? (
        <section aria-labelledby="trop-tot" className={styles.section}>
          <h2 id="trop-tot">{t('tooEarlyTitle')}</h2>
          <p className="prose">{t('tooEarly', { voters: map.voters, min: map.minVoters })}</p>
          <p className={styles.tapLink}>
            <Link href={statementsPath(reference)} variant="button">
              {t('goVote')}
            </Link>
          </p>
        </section>
      ) : (
        <>
          <section aria-labelledby="carte" className={styles.section}>
            <h2 id="carte">{t('mapTitle')}</h2>
            <p className="prose">{t('mapLead', { voters: map.voters, groups: map.groups.length })}</p>
            <MapFigure map={map} />
            {myVotes > 0 ? <p className="prose">{myVotes < needVotes ? t('notPlaced', { votes: myVotes, min: needVotes }) : t('placedSoon', { votes: myVotes })}</p> : null}
            <p className={styles.tapLink}>
              <a href="#tableau">{t('toTable')}</a>
            </p>
          </section>
          <Groups map={map} />
          <Common map={map} />
          <MapTable map={map} />
          <Method map={map} />
        </>
      )}
    </>
  );
}
