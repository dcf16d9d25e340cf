import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { fr } from '@/i18n/content';
import { notFound } from 'next/navigation';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { ConfirmCountForm, PaperTotalsForm, StationVoteForm, WithdrawCountForm } from '@/features/consultations/components/OrganizerForms';
import styles from '@/features/consultations/components/consultations.module.css';
import { fetchConsultation, fetchPaperTotals, fetchStationEligibility } from '@/features/consultations/queries';
import { requirePerson } from '@/features/identity/session';
import { getDateWords } from '@/i18n/dates';
import { ApiProblem } from '@/lib/api/problem';

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ code?: string; bureau?: string; retrait?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Consultation.station'))('title') };
}

/** A voter code as people read it out: ten characters 0–9 and A–F, in any case, with or without a dash or spaces. */
const VOTER_CODE = /^[0-9a-f]{10}$/i;

/**
 * A polling station's officer page: check a person's eligibility (by the
 * voter code on their account page — never their account id, review M12),
 * learn only « may vote » or « has already voted », record that they voted, and enter the station's
 * paper totals with the count record — during the vote, and after its close
 * until the results (a station counts its paper ballots when it closes).
 */
export default async function StationPage({ params, searchParams }: Props) {
  const { reference } = await params;
  const person = await requirePerson(`/organisation/consultations/${reference}/bureau-de-vote`);
  const consultation = await fetchConsultation(reference);
  if (!consultation) notFound();
  const t = await getTranslations('Consultation.station');
  const refusals = await getTranslations('Consultation.refusals');
  const words = await getDateWords();
  const can = consultation.viewer.can['consultations.officiate'];
  const canCount = consultation.viewer.can['consultations.enter-paper-totals'];
  const { code, bureau, retrait } = await searchParams;
  const voterCode = typeof code === 'string' ? code.trim() : '';
  let checked: Awaited<ReturnType<typeof fetchStationEligibility>> | null = null;
  let refusal: string | null = null;
  if (can.allowed && voterCode) {
    if (!VOTER_CODE.test(voterCode.replace(/[\s-]/g, ''))) refusal = t('voterCodeInvalid');
    else {
      try {
        checked = await fetchStationEligibility(person, reference, voterCode);
      } catch (error) {
        if (error instanceof ApiProblem && error.status < 500) refusal = error.problem.detail ?? t('notFound');
        else throw error;
      }
    }
  }
  const totals = canCount.allowed ? await fetchPaperTotals(reference) : [];
  return (
    <>
      <p>
        <Link href={`/organisation/consultations/${reference}`}>{t('back')}</Link>
      </p>
      <PageHeader title={t('title')} lead={<span lang="fr">{consultation.title}</span>} />
      {!can.allowed && !canCount.allowed ? (
        <p className="notice">{refusals(can.reason ?? 'forbidden')}</p>
      ) : (
        <>
          {consultation.state === 'counting' ? <p className="notice" data-testid="counting">{t('countingNotice')}</p> : null}
          {can.allowed ? (
          <section aria-labelledby="verifier">
            <h2 id="verifier">{t('checkTitle')}</h2>
            <form method="get" className="form">
              <div className="field">
                <label htmlFor="code">{t('voterCode')}</label>
                <p className="field-hint" id="code-hint">
                  {t('voterCodeHint')}
                </p>
                <input id="code" name="code" defaultValue={voterCode} autoComplete="off" autoCapitalize="characters" spellCheck={false} aria-describedby="code-hint" />
              </div>
              <input type="hidden" name="bureau" value={bureau ?? ''} />
              <div>
                <button type="submit" className="link-button">
                  {t('check')}
                </button>
              </div>
            </form>
            {refusal ? (
              <p className="notice" role="alert">
                {refusal}
              </p>
            ) : null}
            {checked ? (
              <div className={styles.card} role="status" data-testid="eligibility">
                <p>
                  {t('holder', { code: checked.voterCode })} {checked.eligible ? t('eligible') : t.rich('notEligible', { reason: checked.reason ?? '', fr })}
                </p>
                {checked.alreadyVoted ? <p data-testid="already-voted">{t('hasVoted')}</p> : null}
                {checked.eligible && !checked.alreadyVoted ? <StationVoteForm reference={reference} voterCode={checked.voterCode} stationName={bureau ?? ''} /> : null}
              </div>
            ) : null}
          </section>
          ) : null}
          {canCount.allowed ? (
          <section aria-labelledby="depouillement">
            <h2 id="depouillement">{t('totalsTitle')}</h2>
            {/* After a withdrawal (the record and its form are gone): said here, once. */}
            {retrait === 'fait' ? (
              <p className="notice" role="status" data-testid="count-withdrawn">
                {t('withdrawn')}
              </p>
            ) : null}
            <p>{t('totalsLead')}</p>
            <ul className={styles.list}>
              {totals.map((p) => (
                <li key={p.id} className={styles.card} data-testid="count-record">
                  <p>
                    <strong lang="fr">{p.stationName}</strong> — {t.rich('recordLine', { ballots: p.ballots, place: p.place, date: words.dateTime(p.countedAt), officers: p.officers.join(', '), fr })}
                  </p>
                  {p.confirmedBy !== null ? (
                    <p>{t.rich('confirmedBy', { entered: p.enteredBy, confirmed: p.confirmedBy, fr })}</p>
                  ) : (
                    <>
                      <p className="notice">{t.rich('awaitingConfirmation', { entered: p.enteredBy, fr })}</p>
                      {/* Two officers for real: the account that entered the record gets no « Confirmer » (the same policy as the API). */}
                      {p.viewer.can['consultations.confirm-paper-totals'].allowed ? (
                        <ConfirmCountForm reference={reference} countId={p.id} stationName={p.stationName} />
                      ) : p.viewer.can['consultations.confirm-paper-totals'].reason === 'wrong_state' ? (
                        <p data-testid="confirm-own-record">{t('confirmOwnRecord')}</p>
                      ) : null}
                      {p.viewer.can['consultations.withdraw-paper-totals'].allowed ? (
                        <>
                          <p>{t('withdrawHint')}</p>
                          <WithdrawCountForm reference={reference} countId={p.id} stationName={p.stationName} />
                        </>
                      ) : null}
                    </>
                  )}
                </li>
              ))}
            </ul>
            <PaperTotalsForm consultation={consultation} />
          </section>
          ) : null}
        </>
      )}
    </>
  );
}
