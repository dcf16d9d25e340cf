import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Announcement } from '@/components/ui/Announcement';
import { Link } from '@/components/ui/Link';
import { ReferToPanelLink } from '@/features/recommendations/components/ReferToPanelLink';
import { PageHeader } from '@/components/ui/PageHeader';
import { AnswerForm, ConsultationForm, DecisionForms, HearingForm } from '@/features/consultations/components/OrganizerForms';
import styles from '@/features/consultations/components/consultations.module.css';
import { valuesFromConsultation } from '@/features/consultations/content';
import { organizerGate } from '@/features/consultations/gate';
import { fetchConsultation, fetchDataUseChoices, fetchHearings, fetchNeighbourhoodChoices, fetchQuestions } from '@/features/consultations/queries';

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ cree?: string; fait?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const consultation = await fetchConsultation((await params).reference);
  return { title: consultation ? `${consultation.title} — ${(await getTranslations('Consultation.organizer'))('manage')}` : undefined };
}

/** Managing one consultation: its state and moves, its text and rules (until the opening), hearings, questions to answer, polling stations. */
export default async function ManageConsultationPage({ params, searchParams }: Props) {
  const { reference } = await params;
  const { allowed } = await organizerGate(`/organisation/consultations/${reference}`);
  const t = await getTranslations('Consultation.organizer');
  if (!allowed) return <PageHeader title={t('forbidden')} />;
  const consultation = await fetchConsultation(reference);
  if (!consultation) notFound();
  const states = await getTranslations('Consultation.states');
  const { cree, fait } = await searchParams;
  const done = fait === 'publish' || fait === 'deliberation' || fait === 'cancel' || fait === 'refer' ? fait : null;
  const [dataUses, neighbourhoods, hearings, questions] = await Promise.all([fetchDataUseChoices(), fetchNeighbourhoodChoices(), fetchHearings(reference), fetchQuestions(reference)]);
  const open = questions.filter((q) => q.state === 'open');
  const can = consultation.viewer.can;
  return (
    <>
      {cree ? <Announcement>{t('created', { reference })}</Announcement> : null}
      {done ? <Announcement>{t(`moved.${done}`)}</Announcement> : null}
      {fait === 'answer' ? <Announcement>{t('answered')}</Announcement> : null}
      <p>
        <Link href="/organisation/consultations">{t('backToList')}</Link>
      </p>
      <PageHeader title={<span lang="fr">{consultation.title}</span>} lead={t('stateLead', { reference, state: states(consultation.state) })}>
        <p>
          <Link href={`/consultations/${reference}`}>{t('publicPage')}</Link>
          {can['consultations.officiate'].allowed || can['consultations.enter-paper-totals'].allowed ? (
            <>
              {' · '}
              <Link href={`/organisation/consultations/${reference}/bureau-de-vote`}>{t('station')}</Link>
            </>
          ) : null}
          {consultation.state === 'results' ? <ReferToPanelLink consultation={reference} separator /> : null}
        </p>
      </PageHeader>

      <section aria-labelledby="etapes">
        <h2 id="etapes">{t('movesTitle')}</h2>
        <DecisionForms consultation={consultation} />
      </section>

      <section aria-labelledby="contenu">
        <h2 id="contenu">{t('contentTitle')}</h2>
        <ConsultationForm reference={reference} values={valuesFromConsultation(consultation)} dataUses={dataUses} neighbourhoods={neighbourhoods} locked={consultation.rulesLocked} published={consultation.state === 'scheduled'} />
      </section>

      {can['consultations.add-hearing'].allowed ? (
        <section aria-labelledby="audition">
          <h2 id="audition">{t('hearingTitle')}</h2>
          <p>{t('hearingCount', { count: hearings.items.length })}</p>
          <HearingForm reference={reference} />
        </section>
      ) : null}

      {can['consultations.answer-question'].allowed ? (
        <section aria-labelledby="a-repondre">
          <h2 id="a-repondre">{t('questionsTitle', { count: open.length })}</h2>
          <ul className={styles.list}>
            {open.map((q) => (
              <li key={q.id} className={styles.card}>
                <p lang="fr">{q.body}</p>
                <p className={styles.meta}>{t('supports', { count: q.supports })}</p>
                <AnswerForm reference={reference} question={q} hearings={hearings.items} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
