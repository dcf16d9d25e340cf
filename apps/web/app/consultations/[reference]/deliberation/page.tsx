import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Announcement } from '@/components/ui/Announcement';
import { ApiLink } from '@/components/ui/ApiLink';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { NowAndNext } from '@/features/consultations/components/Sections';
import { fetchConsultation, fetchConsultationDeliberation } from '@/features/consultations/queries';
import { currentPerson } from '@/features/identity/session';
import styles from '@/features/opinion-map/components/opinion-map.module.css';
import { statementDecisionDone } from '@/features/opinion-map/components/StatementQueue';
import { AddStatement, AllStatements, MyStatements, VoteNext } from '@/features/opinion-map/components/StatementSections';
import { mapPath, statementsApi } from '@/features/opinion-map/paths';
import { fetchMyStatements, fetchNextStatement, fetchStatements } from '@/features/opinion-map/queries';
import { Content } from '@/i18n/content';

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ vote?: string; numero?: string; moderation?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const consultation = await fetchConsultation((await params).reference);
  const t = await getTranslations('Consultation');
  return { title: consultation ? t('deliberation.metaTitle', { title: consultation.title }) : t('notFound') };
}

const VOTES = ['agree', 'disagree', 'pass'] as const;

/**
 * A consultation's deliberation phase: which phase is open and what comes
 * next, then its space's statements (vote one at a time, add one, follow
 * one's own) — the opinion map's own components, as on a proposal's debate.
 */
export default async function ConsultationDeliberationPage({ params, searchParams }: Props) {
  const { reference } = await params;
  const consultation = await fetchConsultation(reference);
  if (!consultation) notFound();
  const space = await fetchConsultationDeliberation(reference);
  const list = space ? await fetchStatements(space.id) : null;
  const person = await currentPerson();
  const [next, mine] =
    space && list && person ? await Promise.all([list.viewer.can['opinion-map.vote'].allowed ? fetchNextStatement(space.id, person) : null, fetchMyStatements(space.id, person)]) : [null, []];
  const [t, statements, vote, query] = [await getTranslations('Consultation.deliberation'), await getTranslations('OpinionMap.statementsPage'), await getTranslations('OpinionMap.vote'), await searchParams];
  const voted = VOTES.find((value) => value === query.vote);
  const number = Number(query.numero);
  const decided = await statementDecisionDone(query.moderation);

  return (
    <>
      {decided && list?.viewer.can['opinion-map.moderate'].allowed ? <Announcement>{decided}</Announcement> : null}
      <PageHeader title={t('pageTitle')} lead={t.rich('lead', { title: consultation.title, fr: (chunks) => <Content>{chunks}</Content> })}>
        <ul className={styles.links}>
          <li>
            <Link href={`/consultations/${reference}`}>{t('backToConsultation')}</Link>
          </li>
          {space ? (
            <li>
              <Link href={mapPath(reference)}>{statements('toMap')}</Link>
            </li>
          ) : null}
        </ul>
      </PageHeader>

      <NowAndNext consultation={consultation} />

      {space && list ? (
        <>
          {/* No live refresh here: the statement being read must not change under the reader's finger (the map page refreshes live). */}
          <VoteNext space={space} list={list} next={next} notice={voted && Number.isInteger(number) && number > 0 ? <Announcement>{statements('voted', { number, vote: vote(voted) })}</Announcement> : undefined} />
          <AddStatement space={space} list={list} />
          <MyStatements mine={mine} />
          <AllStatements space={space} list={list} />
          <ul className={styles.links}>
            <li>
              <ApiLink href={statementsApi(space.id)}>{statements('openData')}</ApiLink>
            </li>
          </ul>
        </>
      ) : (
        <section aria-labelledby="pas-encore">
          <h2 id="pas-encore">{t('title')}</h2>
          <p data-testid="deliberation-not-yet">{t('notYet')}</p>
        </section>
      )}
    </>
  );
}
