import type { MemberRef, PanelVoteDto, RecommendationDto } from '@sesame/domain';
import { getLocale, getTranslations } from 'next-intl/server';

import { ActionForm, CheckboxField, Field, SelectField, TextAreaField } from '@/components/forms/ActionForm';

import { castVote, closeVote, cosignDissent, editDraft, proposeAmendment, recommendationStep, setProcedure, withdrawAmendment, writeDissent } from '../actions';
import type { RecommendationLabels } from '../labels';
import type { RecommendationVersionDto } from '../queries';
import { DiffView } from './DiffView';
import styles from './recommendations.module.css';
import { VoteTally } from './VoteTally';

type Forms = Awaited<ReturnType<typeof getTranslations<'RecommendationForms'>>>;

/** The words that name a change for screen readers, in the reader's language (the text itself is French). */
export async function diffLabels() {
  const [t, locale] = await Promise.all([getTranslations('Recommendations.diff'), getLocale()]);
  return { added: t('added'), removed: t('removed'), end: t('end'), lang: locale };
}

/** The rapporteur's steps, each a button: open amendments, merge, put to the vote, adopt, withdraw. */
export async function RapporteurSteps({ item, seat }: { item: RecommendationDto; seat: MemberRef | null }) {
  const [t, f] = await Promise.all([getTranslations('Recommendations.steps'), getTranslations('RecommendationForms')]);
  const can = item.viewer.can;
  const ref = item.reference;
  const accepted = item.amendments.some((amendment) => amendment.state === 'accepted');
  const steps = [
    can['recommendations.open-amendments'].allowed ? { step: 'open-amendments' as const, label: f('steps.openAmendments') } : null,
    can['recommendations.merge'].allowed && accepted ? { step: 'merge' as const, label: f('steps.merge') } : null,
    can['recommendations.open-vote'].allowed ? { step: 'vote' as const, label: f('steps.vote') } : null,
    can['recommendations.adopt'].allowed ? { step: 'adopt' as const, label: f('steps.adopt') } : null,
    can['recommendations.withdraw'].allowed ? { step: 'withdraw' as const, label: f('steps.withdraw') } : null,
  ].filter((step) => step !== null);
  if (steps.length === 0 || seat?.id !== item.rapporteur.id) return null;
  return (
    <section className="section" aria-labelledby="etapes">
      <h2 id="etapes">{t('title')}</h2>
      <p>{t('lead')}</p>
      <div className={styles.inlineForms}>
        {steps.map(({ step, label }) => (
          <ActionForm key={step} action={recommendationStep.bind(null, ref, step)} submitLabel={label} errorSummaryLabel={f('errorSummary')} variant={step === 'withdraw' ? 'secondary' : 'primary'} inline />
        ))}
      </div>
    </section>
  );
}

/** The rapporteur edits a draft directly (each save is a new version). */
export async function EditDraftSection({ item }: { item: RecommendationDto }) {
  const f = await getTranslations('RecommendationForms');
  if (!item.viewer.can['recommendations.edit-draft'].allowed) return null;
  return (
    <section className="section" aria-labelledby="modifier">
      <h2 id="modifier">{f('edit.heading')}</h2>
      <ActionForm
        action={editDraft.bind(null, item.reference)}
        submitLabel={f('edit.submit')}
        errorSummaryLabel={f('errorSummary')}
        labels={{ title: f('draft.title'), body: f('draft.body'), changeNote: f('edit.changeNote') }}
      >
        <Field name="title" label={f('draft.title')} defaultValue={item.title} />
        <TextAreaField name="body" label={f('draft.body')} defaultValue={item.body} lang="fr" rows={8} />
        <Field name="changeNote" label={f('edit.changeNote')} />
      </ActionForm>
    </section>
  );
}

/** Versions, and a readable diff between two of them (chosen with a plain GET form). */
export async function VersionsSection({
  item,
  versions,
  diff,
  from,
  to,
}: {
  item: RecommendationDto;
  versions: RecommendationVersionDto[];
  diff: { title: { value: string; added: boolean; removed: boolean }[]; body: { value: string; added: boolean; removed: boolean }[] } | null;
  from: number;
  to: number;
}) {
  const [t, labels] = await Promise.all([getTranslations('Recommendations.versions'), diffLabels()]);
  const options = versions.map((version) => ({ value: String(version.version), label: t('option', { version: version.version }) }));
  return (
    <section className="section" aria-labelledby="versions">
      <h2 id="versions">{t('title')}</h2>
      <ol>
        {versions.map((version) => (
          <li key={version.version}>
            {t('option', { version: version.version })}
            {version.changeNote ? (
              <>
                {' — '}
                <span lang="fr">{version.changeNote}</span>
              </>
            ) : null}
            {version.amendments.length > 0 ? ` — ${t('fromAmendments', { list: version.amendments.map((n) => `n° ${n}`).join(', ') })}` : null}
          </li>
        ))}
      </ol>
      {versions.length > 1 ? (
        <>
          <form method="get" className={styles.inlineForms} aria-labelledby="comparer">
            <h3 id="comparer" className="visually-hidden">
              {t('compare')}
            </h3>
            <div className="field">
              <label htmlFor="diff-de">{t('from')}</label>
              <select id="diff-de" name="de" defaultValue={String(from)}>
                {options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="diff-a">{t('to')}</label>
              <select id="diff-a" name="a" defaultValue={String(to)}>
                {options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="link-button">
              {t('compare')}
            </button>
          </form>
          {diff ? (
            <>
              <h3 id="difference">{t('diffTitle', { from, to })}</h3>
              <p>{t('legend')}</p>
              {diff.title.some((part) => part.added || part.removed) ? (
                <>
                  <h4>{t('titleChanges')}</h4>
                  <DiffView parts={diff.title} labels={labels} />
                </>
              ) : null}
              <h4>{t('bodyChanges')}</h4>
              <DiffView parts={diff.body} labels={labels} />
            </>
          ) : (
            <p>{t('noDiff')}</p>
          )}
        </>
      ) : (
        <p>{t('single', { version: item.version })}</p>
      )}
    </section>
  );
}

/** One vote: what is voted, the tally, each member's choice once closed (recorded votes), and the forms. */
async function VoteBlock({ item, vote, seat, labels, f }: { item: RecommendationDto; vote: PanelVoteDto; seat: MemberRef | null; labels: RecommendationLabels; f: Forms }) {
  const t = await getTranslations('Recommendations.vote');
  const closed = vote.state === 'closed';
  const choices = (['for', 'against', 'abstain'] as const).map((value) => ({ value, label: labels.choice(value) }));
  const what = vote.subject === 'amendment' ? t('amendmentTitle', { number: vote.amendment ?? 0 }) : t('itemTitle', { version: vote.version });
  return (
    <div className={styles.item} data-testid="vote">
      <h3>
        {what} — {closed ? t('closed') : t('open')}
      </h3>
      <p>
        {t(vote.mode === 'secret' ? 'secret' : 'recorded')} {t('opened', { date: labels.dateTime(vote.openedAt) })}
      </p>
      <VoteTally tally={vote.tally} withheld={vote.withheld} closed={closed} labels={labels} id={`vote-${vote.id}`} subject={what} />
      {closed && vote.ballots.length > 0 ? (
        <>
          <h4>{t('ballots')}</h4>
          <ul>
            {vote.ballots.map((ballot) => (
              <li key={ballot.member.id}>
                <span lang="fr">{ballot.member.displayName}</span> ({labels.seatType(ballot.member.seatType)}) — {labels.choice(ballot.choice)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {vote.voted ? <p>{vote.myChoice ? t('myChoice', { choice: labels.choice(vote.myChoice) }) : t('iVoted')}</p> : null}
      {!closed && !vote.voted && seat ? (
        <ActionForm action={castVote.bind(null, item.reference, vote.id)} submitLabel={f('vote.submit')} errorSummaryLabel={f('errorSummary')} labels={{ choice: f('vote.choice') }}>
          <fieldset>
            <legend>{f('vote.choice')}</legend>
            {choices.map((choice) => (
              <div key={choice.value} className={styles.check}>
                <input type="radio" id={`choix-${vote.id}-${choice.value}`} name="choice" value={choice.value} />
                <label htmlFor={`choix-${vote.id}-${choice.value}`}>{choice.label}</label>
              </div>
            ))}
          </fieldset>
        </ActionForm>
      ) : null}
      {!closed && seat?.id === item.rapporteur.id ? (
        <ActionForm action={closeVote.bind(null, item.reference, vote.id)} submitLabel={f('vote.close')} errorSummaryLabel={f('errorSummary')} variant="secondary" inline />
      ) : null}
    </div>
  );
}

/** Amendments: each with its author, its procedure and its diff against the version it amends; the forms to propose, treat, withdraw. */
export async function AmendmentsSection({ item, seat, labels }: { item: RecommendationDto; seat: MemberRef | null; labels: RecommendationLabels }) {
  const [t, f, dl] = await Promise.all([getTranslations('Recommendations.amendments'), getTranslations('RecommendationForms'), diffLabels()]);
  const rapporteur = seat?.id === item.rapporteur.id;
  const procedures = (['accept', 'accept_modified', 'vote'] as const).map((value) => ({ value, label: labels.procedure(value) }));
  return (
    <section className="section" aria-labelledby="amendements">
      <h2 id="amendements">{t('title')}</h2>
      <p>{t('lead')}</p>
      {item.amendments.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ol className={styles.list}>
          {item.amendments.map((amendment) => {
            const vote = amendment.vote ? item.votes.find((candidate) => candidate.id === amendment.vote) : undefined;
            return (
              <li key={amendment.number} className={styles.item} data-testid="amendment">
                <h3>{t('heading', { number: amendment.number, state: labels.amendmentState(amendment.state) })}</h3>
                <p>
                  {t('by', { name: amendment.author.displayName, version: amendment.baseVersion })}
                  {amendment.procedure ? ` — ${t('procedure', { procedure: labels.procedure(amendment.procedure) })}` : null}
                  {amendment.mergedInto !== null ? ` — ${t('mergedInto', { version: amendment.mergedInto })}` : null}
                </p>
                {amendment.explanation ? (
                  <p>
                    <strong>{t('explanation')}</strong> <span lang="fr">{amendment.explanation}</span>
                  </p>
                ) : null}
                {amendment.procedureNote ? (
                  <p>
                    <strong>{t('procedureNote')}</strong> <span lang="fr">{amendment.procedureNote}</span>
                  </p>
                ) : null}
                <h4>{t('changes')}</h4>
                <DiffView parts={amendment.diff} labels={dl} />
                {vote ? <VoteBlock item={item} vote={vote} seat={seat} labels={labels} f={f} /> : null}
                {rapporteur && amendment.state === 'proposed' && item.state === 'amending' ? (
                  <ActionForm
                    action={setProcedure.bind(null, item.reference, amendment.number)}
                    submitLabel={f('procedure.submit')}
                    errorSummaryLabel={f('errorSummary')}
                    labels={{ procedure: f('procedure.procedure'), modifiedBody: f('procedure.modifiedBody'), note: f('procedure.note') }}
                  >
                    <SelectField name="procedure" label={f('procedure.procedure')} options={procedures} />
                    <TextAreaField name="modifiedBody" label={f('procedure.modifiedBody')} hint={f('procedure.modifiedBodyHint')} defaultValue={amendment.body} lang="fr" rows={6} />
                    <Field name="note" label={f('procedure.note')} />
                  </ActionForm>
                ) : null}
                {seat?.id === amendment.author.id && amendment.state === 'proposed' && item.state === 'amending' ? (
                  <ActionForm action={withdrawAmendment.bind(null, item.reference, amendment.number)} submitLabel={f('amendment.withdraw')} errorSummaryLabel={f('errorSummary')} variant="secondary" inline />
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {item.viewer.can['recommendations.amend'].allowed ? (
        <>
          <h3>{t('new')}</h3>
          <ActionForm
            action={proposeAmendment.bind(null, item.reference)}
            submitLabel={f('amendment.submit')}
            errorSummaryLabel={f('errorSummary')}
            labels={{ body: f('amendment.body'), explanation: f('amendment.explanation') }}
          >
            <TextAreaField name="body" label={f('amendment.body')} hint={f('amendment.bodyHint')} defaultValue={item.body} lang="fr" rows={8} />
            <TextAreaField name="explanation" label={f('amendment.explanation')} lang="fr" rows={3} />
          </ActionForm>
        </>
      ) : null}
    </section>
  );
}

/** The votes on the recommendation itself. */
export async function VotesSection({ item, seat, labels }: { item: RecommendationDto; seat: MemberRef | null; labels: RecommendationLabels }) {
  const [t, f] = await Promise.all([getTranslations('Recommendations.vote'), getTranslations('RecommendationForms')]);
  const votes = item.votes.filter((vote) => vote.subject === 'recommendation');
  return (
    <section className="section" aria-labelledby="vote">
      <h2 id="vote">{t('title')}</h2>
      <p>{t('lead')}</p>
      {votes.length === 0 ? <p>{t('none')}</p> : votes.map((vote) => <VoteBlock key={vote.id} item={item} vote={vote} seat={seat} labels={labels} f={f} />)}
    </section>
  );
}

/** Dissenting opinions: signed (or anonymous where the rules allow), co-signed; the form to write one after the vote. */
export async function DissentsSection({ item, seat, labels }: { item: RecommendationDto; seat: MemberRef | null; labels: RecommendationLabels }) {
  const [t, f] = await Promise.all([getTranslations('Recommendations.dissents'), getTranslations('RecommendationForms')]);
  const can = item.viewer.can['recommendations.dissent'].allowed;
  return (
    <section className="section" aria-labelledby="opinions-divergentes">
      <h2 id="opinions-divergentes">{t('title')}</h2>
      {item.dissents.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className={styles.list}>
          {item.dissents.map((dissent) => (
            <li key={dissent.id} className={styles.item} data-testid="dissent">
              <div className={styles.text} lang="fr">
                {dissent.body}
              </div>
              <p>
                {dissent.anonymous
                  ? t('anonymous', { count: dissent.signatures })
                  : t('signedBy', { names: dissent.signatories.map((member) => `${member.displayName} (${labels.seatType(member.seatType)})`).join(', ') })}
              </p>
              {can && seat && !dissent.signatories.some((member) => member.id === seat.id) ? (
                <ActionForm action={cosignDissent.bind(null, item.reference, dissent.id)} submitLabel={f('dissent.cosign')} errorSummaryLabel={f('errorSummary')} variant="secondary" inline />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {can ? (
        <>
          <h3>{t('new')}</h3>
          <ActionForm action={writeDissent.bind(null, item.reference)} submitLabel={f('dissent.submit')} errorSummaryLabel={f('errorSummary')} labels={{ body: f('dissent.body'), anonymous: f('dissent.anonymous') }}>
            <TextAreaField name="body" label={f('dissent.body')} lang="fr" rows={6} />
            <CheckboxField name="anonymous" label={f('dissent.anonymous')} hint={f('dissent.anonymousHint')} />
          </ActionForm>
        </>
      ) : null}
    </section>
  );
}
