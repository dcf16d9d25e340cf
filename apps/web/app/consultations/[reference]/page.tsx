import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { ConsultationIntl } from '@/features/consultations/components/ConsultationIntl';
import { DataUseCard, HearingsSection, NowAndNext, PhaseTimeline, QuestionsSection, RulesSection, TurnoutSection } from '@/features/consultations/components/Sections';
import styles from '@/features/consultations/components/consultations.module.css';
import { fetchConsultation, fetchHearings, fetchQuestions, fetchTurnout } from '@/features/consultations/queries';
import { currentPerson } from '@/features/identity/session';
import { renderUserMarkdown } from '@/lib/markdown';

type Props = { params: Promise<{ reference: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const consultation = await fetchConsultation((await params).reference);
  return { title: consultation?.title ?? (await getTranslations('Consultation'))('notFound') };
}

/**
 * A consultation: its question, the data use it is about (pinned version),
 * which phase is open, what one can do now and what comes next, the decision
 * rules, turnout during the vote (« provisoire »), hearings and questions,
 * the deliberation space, and the results once closed.
 */
export default async function ConsultationPage({ params }: Props) {
  const { reference } = await params;
  const consultation = await fetchConsultation(reference);
  if (!consultation) notFound();
  const t = await getTranslations('Consultation');
  const refusals = await getTranslations('Consultation.refusals');
  const person = await currentPerson();
  const voting = consultation.state === 'vote';
  const closed = consultation.state === 'results' || consultation.state === 'referral';
  const [hearings, questions, turnout] = await Promise.all([fetchHearings(reference), fetchQuestions(reference), voting || closed ? fetchTurnout(reference) : Promise.resolve(null)]);
  const can = consultation.viewer.can;
  return (
    <ConsultationIntl>
      <PageHeader title={<span lang="fr">{consultation.title}</span>} lead={t('reference', { reference })}>
        <p className={styles.card}>
          <strong>{t('question')}</strong> <span lang="fr" data-testid="question">{consultation.question}</span>
        </p>
        {consultation.origin.proposal ? (
          <p>
            {t('fromProposal')} <Link href={`/propositions/${consultation.origin.proposal.reference}`}><span lang="fr">{consultation.origin.proposal.title}</span></Link>
          </p>
        ) : null}
      </PageHeader>

      <NowAndNext consultation={consultation} />

      {voting ? (
        <section aria-labelledby="voter">
          <h2 id="voter">{t('vote.title')}</h2>
          {consultation.viewer.voted ? <p data-testid="already-voted">{t('vote.alreadyVoted')}</p> : null}
          {can['consultations.vote'].allowed ? (
            <p>
              <Link href={`/consultations/${reference}/voter`} variant="button">
                {t('vote.go')}
              </Link>
            </p>
          ) : !consultation.viewer.voted ? (
            <p>{person ? refusals(can['consultations.vote'].reason ?? 'forbidden') : <Link href={`/connexion?retour=${encodeURIComponent(`/consultations/${reference}/voter`)}`}>{t('vote.signIn')}</Link>}</p>
          ) : null}
          <ul>
            <li>
              <Link href={`/consultations/${reference}/modifier-mon-vote`}>{t('vote.change')}</Link>
            </li>
            <li>
              <Link href={`/consultations/${reference}/mon-recu`}>{t('vote.check')}</Link>
            </li>
          </ul>
        </section>
      ) : null}

      {consultation.state === 'counting' ? (
        <section aria-labelledby="depouillement">
          <h2 id="depouillement">{t('counting.title')}</h2>
          <p>
            <Link href={`/consultations/${reference}/mon-recu`}>{t('vote.check')}</Link>
          </p>
        </section>
      ) : null}

      {closed ? (
        <section aria-labelledby="resultats">
          <h2 id="resultats">{t('resultsTitle')}</h2>
          <p>
            <Link href={`/consultations/${reference}/resultats`}>{t('resultsLink')}</Link>
          </p>
        </section>
      ) : null}

      {turnout && voting ? <TurnoutSection turnout={turnout} /> : null}

      <PhaseTimeline consultation={consultation} />

      {consultation.briefing ? (
        <section aria-labelledby="dossier">
          <h2 id="dossier">{t('briefing')}</h2>
          <div className="prose" lang="fr" dangerouslySetInnerHTML={{ __html: renderUserMarkdown(consultation.briefing) }} />
        </section>
      ) : null}

      <DataUseCard consultation={consultation} />

      <HearingsSection hearings={hearings.items} balance={hearings.balance} />

      <QuestionsSection consultation={consultation} questions={questions} signedIn={person !== null} />

      <section aria-labelledby="deliberation">
        <h2 id="deliberation">{t('deliberation.title')}</h2>
        {consultation.deliberation ? (
          <p>
            <Link href={`/consultations/${reference}/deliberation`}>{t('deliberation.link')}</Link>
          </p>
        ) : (
          <p>{t('deliberation.notYet')}</p>
        )}
      </section>

      <RulesSection consultation={consultation} />

      {can['consultations.edit'].allowed || can['consultations.answer-question'].allowed ? (
        <p>
          <Link href={`/organisation/consultations/${reference}`}>{t('organize')}</Link>
        </p>
      ) : null}
    </ConsultationIntl>
  );
}
