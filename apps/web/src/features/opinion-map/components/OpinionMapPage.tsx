import { MIN_VOTES_TO_CLUSTER } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';

import { statementsPath } from '../paths';
import { fetchOpinionMap, fetchStatements } from '../queries';
import { MapFigure } from './MapFigure';
import { MapLiveUpdates } from './MapLiveUpdates';
import { Common, Groups, MapTable, Method } from './MapSections';
import styles from './opinion-map.module.css';

type Props = {
  /** The subject's reference: a proposal's or a consultation's (paths.ts tells them apart). */
  reference: string;
  spaceId: string;
  /** The header's lead, naming the subject. */
  lead: ReactNode;
  /** Links under the title: back to the subject, then to its statements. */
  links: readonly { href: string; label: string }[];
};

/**
 * The opinion map of a deliberation space, whatever its subject (a proposal's
 * debate or a consultation's deliberation phase): the groups, what sets each
 * apart, what brings them together; too early below the minimum of voters.
 */
export async function OpinionMapPage({ reference, spaceId, lead, links }: Props) {
  const map = await fetchOpinionMap(spaceId);
  if (!map) notFound();
  // A reader who voted but is not on the map yet is told how many votes place them (clustering.ts selectClustered: at least 7, or every statement when fewer).
  const statements = map.status === 'ready' && !map.me ? await fetchStatements(spaceId) : null;
  const myVotes = statements ? statements.statements.filter((statement) => statement.myVote !== null && !statement.meta && statement.state === 'approved').length : 0;
  const needVotes = Math.min(MIN_VOTES_TO_CLUSTER, map.statements.length);
  const [t, live] = [await getTranslations('OpinionMap.mapPage'), await getTranslations('OpinionMap.live')];

  return (
    <>
      <PageHeader title={t('title')} lead={lead}>
        <ul className={styles.links}>
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href}>{link.label}</Link>
            </li>
          ))}
        </ul>
      </PageHeader>
      <MapLiveUpdates spaceId={spaceId} texts={{ map: live('map'), statement: live('statement') }} />

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
            {myVotes > 0 ? (
              <p className="prose">
                {myVotes < needVotes ? t('notPlaced', { votes: myVotes, min: needVotes }) : t('placedSoon', { votes: myVotes })}
              </p>
            ) : null}
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
