import { MAJORITY_JUDGMENT_GRADES_EN, type ConsultationDto, type ConsultationSummary, type HearingDto, type QuestionDto, type TurnoutDto } from '@sesame/domain';
import { getLocale, getTranslations } from 'next-intl/server';

import { fr } from '@/i18n/content';

import { ActionForm, TextAreaField } from '@/components/forms/ActionForm';
import { Link } from '@/components/ui/Link';
import { getDateWords } from '@/i18n/dates';

import { askQuestion, toggleSupport } from '../actions';
import styles from './consultations.module.css';

/** A consultation in a list: its title, question, state and vote dates. */
export async function ConsultationCard({ consultation: c }: { consultation: ConsultationSummary }) {
  const t = await getTranslations('Consultation');
  const words = await getDateWords();
  return (
    <li className={styles.card}>
      <h3>
        <Link href={`/consultations/${c.reference}`} lang="fr">
          {c.title}
        </Link>
      </h3>
      <p lang="fr">{c.question}</p>
      <p className={styles.meta}>
        <span className={styles.badge}>{t(`states.${c.state}`)}</span> · {c.reference} · {t('voteDates', { opens: words.dateTime(c.voteOpensAt), closes: words.dateTime(c.voteClosesAt) })}
      </p>
    </li>
  );
}

/** The phases in order with their dates, the open one marked (aria-current). */
export async function PhaseTimeline({ consultation: c }: { consultation: ConsultationDto }) {
  const t = await getTranslations('Consultation');
  const words = await getDateWords();
  return (
    <section aria-labelledby="phases">
      <h2 id="phases">{t('phasesTitle')}</h2>
      <ol className={styles.timeline}>
        {c.phases.map((step) => (
          <li key={step.phase} aria-current={step.status === 'current' ? 'step' : undefined}>
            <span>{t(`phases.${step.phase}`)}</span> — <span className={styles.meta}>{t(`stepStatus.${step.status}`)}</span>
            <br />
            <span className={styles.meta}>
              {step.opensAt ? t('opensAt', { date: words.dateTime(step.opensAt) }) : null}
              {step.opensAt && step.closesAt ? ' · ' : null}
              {step.closesAt ? t('closesAt', { date: words.dateTime(step.closesAt) }) : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Which phase is open, what one can do now, what comes next. */
export async function NowAndNext({ consultation: c }: { consultation: ConsultationDto }) {
  const t = await getTranslations('Consultation');
  const words = await getDateWords();
  const now = c.currentPhase ?? c.state;
  const next = c.phases.find((p) => p.phase === c.nextPhase);
  return (
    <section aria-labelledby="maintenant">
      <h2 id="maintenant">{t('now.title')}</h2>
      <p data-testid="current-phase">
        <strong>{t(`states.${c.state}`)}</strong>
      </p>
      <p>{t(`now.${now}`)}</p>
      {c.nextPhase ? <p>{t('now.next', { phase: t(`phases.${c.nextPhase}`), date: next?.opensAt ? words.dateTime(next.opensAt) : '—' })}</p> : null}
    </section>
  );
}

/** The decision rules, fixed before the opening. */
export async function RulesSection({ consultation: c }: { consultation: ConsultationDto }) {
  const t = await getTranslations('Consultation.rules');
  const words = await getDateWords();
  const locale = await getLocale();
  const { rules } = c;
  return (
    <section aria-labelledby="regles">
      <h2 id="regles">{t('title')}</h2>
      <p>{c.rulesPublishedAt ? t('publishedOn', { date: words.dateTime(c.rulesPublishedAt) }) : t('notPublished')} {c.rulesLocked ? t('locked') : null}</p>
      <dl>
        <dt>{t('eligibility')}</dt>
        <dd>
          {t(`eligibilityRules.${rules.eligibility}`)}
          {c.neighbourhoods.length > 0 ? <span lang="fr"> : {c.neighbourhoods.map((n) => n.name).join(', ')}</span> : null}
        </dd>
        <dt>{t('method')}</dt>
        <dd>{t(`methods.${rules.method}`)}</dd>
        {rules.options.length > 0 ? (
          <>
            <dt>{t('options')}</dt>
            <dd>
              <ul lang="fr">
                {rules.options.map((o) => (
                  <li key={o.id}>{o.label}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {c.grades ? (
          <>
            <dt>{t('grades')}</dt>
            <dd>{(locale === 'en' ? MAJORITY_JUDGMENT_GRADES_EN : c.grades).join(' · ')}</dd>
          </>
        ) : null}
        {rules.maxApprovals !== null ? (
          <>
            <dt>{t('maxApprovals')}</dt>
            <dd>{rules.maxApprovals}</dd>
          </>
        ) : null}
        <dt>{t('quorum')}</dt>
        <dd>{rules.quorumPercent === 0 ? t('noQuorum') : t('quorumPercent', { percent: rules.quorumPercent })}</dd>
        <dt>{t('abstention')}</dt>
        <dd>{t(`abstentionRules.${rules.abstention}`)}</dd>
        <dt>{t('publication')}</dt>
        <dd>{t('afterClose')}</dd>
        {rules.whatNext ? (
          <>
            <dt>{t('whatNext')}</dt>
            <dd lang="fr">{rules.whatNext}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** The data use the question is about, as its record read when the consultation was saved (the pinned version). */
export async function DataUseCard({ consultation: c }: { consultation: ConsultationDto }) {
  const t = await getTranslations('Consultation.dataUse');
  const content = c.dataUseRecord.content;
  const summary = typeof content.purpose === 'string' ? content.purpose : typeof content.summary === 'string' ? content.summary : null;
  return (
    <section aria-labelledby="usage">
      <h2 id="usage">{t('title')}</h2>
      <p>
        <Link href={`/registre/${c.dataUse.reference}`}>
          <span lang="fr">{c.dataUseRecord.title}</span>
        </Link>{' '}
        <span className={styles.meta}>{t('pinned', { version: c.dataUseRecord.version, reference: c.dataUse.reference })}</span>
      </p>
      {summary ? <p lang="fr">{summary}</p> : null}
      <p className={styles.hint}>{t('pinnedHint')}</p>
    </section>
  );
}

/** Turnout: overall and per neighbourhood, marked « provisoire » while the vote is open. */
export async function TurnoutSection({ turnout, headingLevel = 2 }: { turnout: TurnoutDto; headingLevel?: 2 | 3 }) {
  const t = await getTranslations('Consultation.turnout');
  const words = await getDateWords();
  const locale = await getLocale();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="participation">
      <H id="participation">
        {t('title')} {turnout.provisional ? <span className={`${styles.badge} ${styles.provisional}`}>{t('provisional')}</span> : null}
      </H>
      <p data-testid="turnout">
        {t('overall', { participants: turnout.participants, eligible: turnout.eligible, percent: locale === 'fr' ? turnout.percent.replace('.', ',') : turnout.percent })}
      </p>
      <p className={styles.meta}>
        {t('channels', { online: turnout.online, stations: turnout.atStations })} · {t('asOf', { date: words.dateTime(turnout.asOf) })}
      </p>
      {turnout.provisional ? <p className={styles.hint}>{t('provisionalHint')}</p> : null}
      {turnout.byNeighbourhood.length > 0 ? (
        <table className={styles.turnoutTable}>
          <caption>{t('byNeighbourhood')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('neighbourhood')}</th>
              <th scope="col">{t('participants')}</th>
              <th scope="col">{t('eligible')}</th>
            </tr>
          </thead>
          <tbody>
            {turnout.byNeighbourhood.map((n) => (
              <tr key={n.id ?? n.name}>
                <th scope="row" lang="fr">
                  {n.name}
                </th>
                <td>{n.participants === null ? t('fewerThan', { threshold: turnout.fewerThan }) : n.participants}</td>
                <td>{n.eligible}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {turnout.byNeighbourhood.some((n) => n.participants === null) ? <p className={styles.hint}>{t('fewerThanHint', { threshold: turnout.fewerThan })}</p> : null}
    </section>
  );
}

/** Expert hearings: who spoke, for whom they work, what they declared, their position; the balance for / against. */
export async function HearingsSection({ hearings, balance }: { hearings: HearingDto[]; balance: { for: number; against: number; neutral: number } }) {
  const t = await getTranslations('Consultation.hearings');
  const words = await getDateWords();
  return (
    <section aria-labelledby="auditions">
      <h2 id="auditions">{t('title')}</h2>
      <p data-testid="hearing-balance">{t('balance', { for: balance.for, against: balance.against, neutral: balance.neutral })}</p>
      {hearings.length === 0 ? <p>{t('empty')}</p> : null}
      <ul className={styles.list}>
        {hearings.map((h) => (
          <li key={h.id} className={styles.card}>
            <h3 lang="fr">{h.speaker}</h3>
            <p>
              <span className={styles.badge}>{t(`positions.${h.position}`)}</span> {h.affiliation ? <span lang="fr">{h.affiliation}</span> : null}
              {h.heldOn ? <span className={styles.meta}> · {words.day(h.heldOn)}</span> : null}
            </p>
            <p>
              <strong>{t('interests')}</strong> <span lang="fr">{h.declaredInterests}</span>
            </p>
            {h.summary ? <p lang="fr">{h.summary}</p> : null}
            {h.documentUrl ? (
              <p>
                <Link href={h.documentUrl}>{t('document')}</Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The public question queue: ask, support, answers on record (answered questions are marked). */
export async function QuestionsSection({ consultation: c, questions, signedIn }: { consultation: ConsultationDto; questions: QuestionDto[]; signedIn: boolean }) {
  const t = await getTranslations('Consultation.questions');
  const form = await getTranslations('Form');
  const words = await getDateWords();
  const canAsk = c.viewer.can['consultations.ask-question'];
  const canSupport = c.viewer.can['consultations.support-question'].allowed;
  return (
    <section aria-labelledby="questions">
      <h2 id="questions">{t('title')}</h2>
      <p>{t('counts', { total: c.questions.total, answered: c.questions.answered })}</p>
      <ul className={styles.list}>
        {questions.map((q) => (
          <li key={q.id} className={styles.card} data-testid="question">
            <p lang="fr">{q.body}</p>
            <p className={styles.meta}>
              <span className={styles.badge}>{t(`states.${q.state}`)}</span> · {t.rich('askedBy', { author: q.author, date: words.date(q.askedAt), fr })} · {t('supports', { count: q.supports })}
            </p>
            {q.answer ? (
              <div>
                <h3>{t('answerBy', { by: q.answer.by })}</h3>
                <p lang="fr">{q.answer.body}</p>
              </div>
            ) : null}
            {canSupport && !q.viewer.isAuthor && q.state === 'open' ? (
              <ActionForm action={toggleSupport} submitLabel={q.viewer.supporting ? t('withdraw') : t('support')} errorSummaryLabel={form('errorSummary')} variant="secondary" inline>
                <input type="hidden" name="reference" value={c.reference} />
                <input type="hidden" name="questionId" value={q.id} />
                <input type="hidden" name="supporting" value={String(q.viewer.supporting)} />
              </ActionForm>
            ) : null}
          </li>
        ))}
      </ul>
      {canAsk.allowed ? (
        <ActionForm action={askQuestion} submitLabel={t('ask')} errorSummaryLabel={form('errorSummary')} labels={{ body: t('bodyLabel') }}>
          <input type="hidden" name="reference" value={c.reference} />
          <TextAreaField name="body" label={t('bodyLabel')} hint={t('bodyHint')} lang="fr" />
        </ActionForm>
      ) : !signedIn && ['scheduled', 'information', 'deliberation'].includes(c.state) ? (
        <p>
          <Link href={`/connexion?retour=${encodeURIComponent(`/consultations/${c.reference}#questions`)}`}>{t('signIn')}</Link>
        </p>
      ) : null}
    </section>
  );
}
