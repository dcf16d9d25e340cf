import type { PanelMember, ReferralDto } from '@sesame/domain';
import { getLocale, getTranslations } from 'next-intl/server';

import { ActionForm, CheckboxField, Field, SelectField, TextAreaField } from '@/components/forms/ActionForm';
import { Link } from '@/components/ui/Link';

import {
  addHearing,
  cancelSession,
  createSession,
  dismissReferral,
  draftRecommendation,
  holdSession,
  postToDiscussion,
  publishOpinion,
  recordAttendance,
  refreshDossier,
  saveOpinionDraft,
} from '../actions';
import { SEAT_TYPES, type RecommendationLabels } from '../labels';
import { draftPath } from '../paths';
import type { DiscussionPostDto } from '../queries';
import styles from './recommendations.module.css';
import { fr } from '@/i18n/content';

type Session = ReferralDto['sessions'][number];

async function forms() {
  return getTranslations('RecommendationForms');
}

/** Sessions: date, place, agenda, state; attendance and quorum; the forms to record attendance, hold or cancel while scheduled. */
export async function SessionsSection({ referral, members, labels }: { referral: ReferralDto; members: PanelMember[]; labels: RecommendationLabels }) {
  const [t, f] = await Promise.all([getTranslations('Recommendations.sessions'), forms()]);
  const work = referral.viewer.can['recommendations.work'].allowed;
  return (
    <section className="section" aria-labelledby="seances">
      <h2 id="seances">{t('title')}</h2>
      {referral.sessions.length === 0 ? <p>{t('none')}</p> : null}
      <ol className={styles.list}>
        {referral.sessions.map((session) => (
          <li key={session.id} className={styles.item} data-testid="session">
            <h3>
              {t('heading', { number: session.number })} — <span lang="fr">{session.title}</span>
            </h3>
            <p>
              {labels.dateTime(session.scheduledAt)}
              {session.place ? (
                <>
                  {' · '}
                  <span lang="fr">{session.place}</span>
                </>
              ) : null}{' '}
              · {labels.sessionState(session.state)}
            </p>
            <h4>{t('agenda')}</h4>
            <ol lang="fr">
              {session.agenda.map((item, index) => (
                <li key={index}>{item}</li>
              ))}
            </ol>
            <QuorumLine session={session} labels={labels} />
            {session.attendance.length > 0 ? (
              <>
                <h4>{t('attendance')}</h4>
                <ul>
                  {session.attendance.map((row) => (
                    <li key={row.member.id}>
                      <span lang="fr">{row.member.displayName}</span> ({labels.seatType(row.member.seatType)}) — {labels.attendance(row.status)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {session.minutes ? (
              <>
                <h4>{t('minutes')}</h4>
                <div className={styles.text} lang="fr">
                  {session.minutes}
                </div>
              </>
            ) : null}
            {work && session.state === 'scheduled' ? <SessionForms referral={referral.reference} session={session} members={members} labels={labels} f={f} /> : null}
          </li>
        ))}
      </ol>
      {work ? (
        <>
          <h3>{t('new')}</h3>
          <ActionForm
            action={createSession.bind(null, referral.reference)}
            submitLabel={f('session.submit')}
            errorSummaryLabel={f('errorSummary')}
            labels={{ title: f('session.title'), scheduledAt: f('session.scheduledAt'), place: f('session.place'), agenda: f('session.agenda') }}
          >
            <Field name="title" label={f('session.title')} />
            <Field name="scheduledAt" type="datetime-local" label={f('session.scheduledAt')} hint={f('session.scheduledAtHint')} />
            <Field name="place" label={f('session.place')} />
            <TextAreaField name="agenda" label={f('session.agenda')} hint={f('session.agendaHint')} lang="fr" />
          </ActionForm>
        </>
      ) : null}
    </section>
  );
}

async function QuorumLine({ session, labels }: { session: Session; labels: RecommendationLabels }) {
  const [t, locale] = await Promise.all([getTranslations('Recommendations.sessions'), getLocale()]);
  const q = session.quorum;
  const counts = SEAT_TYPES.map((type) => t('seatCount', { seatType: labels.seatTypePlural(type), count: session.presentBySeatType[type] }));
  return (
    <p data-testid="session-quorum">
      {t('quorum', { present: q.present, seats: q.votingSeats, required: q.required, percent: q.percent })} <strong>{q.reached ? t('quorumReached') : t('quorumMissed')}</strong>
      {' '}
      {t('presentBySeatType', { list: new Intl.ListFormat(locale, { type: 'unit', style: 'long' }).format(counts) })}
    </p>
  );
}

function SessionForms({
  referral,
  session,
  members,
  labels,
  f,
}: {
  referral: string;
  session: Session;
  members: PanelMember[];
  labels: RecommendationLabels;
  f: Awaited<ReturnType<typeof forms>>;
}) {
  const recorded = new Map(session.attendance.map((row) => [row.member.id, row.status]));
  const statuses = (['present', 'excused', 'absent'] as const).map((value) => ({ value, label: labels.attendance(value) }));
  return (
    <>
      <h4>{f('attendance.title')}</h4>
      <ActionForm action={recordAttendance.bind(null, referral, session.id)} submitLabel={f('attendance.submit')} errorSummaryLabel={f('errorSummary')}>
        {members.map((member) => (
          <SelectField
            key={member.id}
            name={`status-${member.id}`}
            label={`${member.displayName} (${labels.seatType(member.seatType)})`}
            options={statuses}
            defaultValue={recorded.get(member.id) ?? 'absent'}
          />
        ))}
      </ActionForm>
      <h4>{f('hold.title')}</h4>
      <ActionForm action={holdSession.bind(null, referral, session.id)} submitLabel={f('hold.submit')} errorSummaryLabel={f('errorSummary')} labels={{ minutes: f('hold.minutes') }}>
        <TextAreaField name="minutes" label={f('hold.minutes')} hint={f('hold.minutesHint')} lang="fr" />
      </ActionForm>
      <ActionForm action={cancelSession.bind(null, referral, session.id)} submitLabel={f('cancelSession')} errorSummaryLabel={f('errorSummary')} variant="secondary" inline />
    </>
  );
}

/** Hearings of experts, of the data use's controller, of associations: who, their interests, what they said. */
export async function HearingsSection({ referral, labels }: { referral: ReferralDto; labels: RecommendationLabels }) {
  const [t, f] = await Promise.all([getTranslations('Recommendations.hearings'), forms()]);
  const kinds = (['expert', 'controller', 'association', 'other'] as const).map((value) => ({ value, label: labels.hearingKind(value) }));
  return (
    <section className="section" aria-labelledby="auditions">
      <h2 id="auditions">{t('title')}</h2>
      {referral.hearings.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className={styles.list}>
          {referral.hearings.map((hearing) => (
            <li key={hearing.id} className={styles.item}>
              <h3>
                <span lang="fr">{hearing.name}</span> — {labels.hearingKind(hearing.kind)}
              </h3>
              <p>
                {labels.date(hearing.heldOn)}
                {hearing.affiliation ? (
                  <>
                    {' · '}
                    <span lang="fr">{hearing.affiliation}</span>
                  </>
                ) : null}
                {hearing.session !== null ? ` · ${t('atSession', { number: hearing.session })}` : null}
              </p>
              {hearing.interests ? (
                <p>
                  <strong>{t('interests')}</strong> <span lang="fr">{hearing.interests}</span>
                </p>
              ) : null}
              <div className={styles.text} lang="fr">
                {hearing.summary}
              </div>
            </li>
          ))}
        </ul>
      )}
      {referral.viewer.can['recommendations.work'].allowed ? (
        <>
          <h3>{t('new')}</h3>
          <ActionForm
            action={addHearing.bind(null, referral.reference)}
            submitLabel={f('hearing.submit')}
            errorSummaryLabel={f('errorSummary')}
            labels={{ kind: f('hearing.kind'), name: f('hearing.name'), affiliation: f('hearing.affiliation'), interests: f('hearing.interests'), summary: f('hearing.summary'), heldOn: f('hearing.heldOn') }}
          >
            <SelectField name="kind" label={f('hearing.kind')} options={kinds} />
            <Field name="name" label={f('hearing.name')} />
            <Field name="affiliation" label={f('hearing.affiliation')} />
            <TextAreaField name="interests" label={f('hearing.interests')} hint={f('hearing.interestsHint')} lang="fr" rows={2} />
            <TextAreaField name="summary" label={f('hearing.summary')} lang="fr" />
            <Field name="heldOn" type="date" label={f('hearing.heldOn')} />
          </ActionForm>
        </>
      ) : null}
    </section>
  );
}

/** The recommendations drafted on the referral, and the form to draft one (its author becomes the rapporteur). */
export async function RecommendationsSection({ referral, labels }: { referral: ReferralDto; labels: RecommendationLabels }) {
  const [t, f] = await Promise.all([getTranslations('Recommendations.items'), forms()]);
  return (
    <section className="section" aria-labelledby="recommandations">
      <h2 id="recommandations">{t('title')}</h2>
      {referral.recommendations.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className={styles.list}>
          {referral.recommendations.map((item) => (
            <li key={item.reference} className={styles.item} data-testid="recommendation">
              <h3>
                <Link href={draftPath(item.reference)}>
                  <span lang="fr">{item.title}</span>
                </Link>
              </h3>
              <p>
                {item.reference} · {labels.state(item.state)} · {t('version', { version: item.version })} · {t('rapporteur', { name: item.rapporteur.displayName })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {referral.viewer.can['recommendations.work'].allowed ? (
        <>
          <h3>{t('new')}</h3>
          <ActionForm
            action={draftRecommendation.bind(null, referral.reference)}
            submitLabel={f('draft.submit')}
            errorSummaryLabel={f('errorSummary')}
            labels={{ title: f('draft.title'), body: f('draft.body') }}
          >
            <Field name="title" label={f('draft.title')} />
            <TextAreaField name="body" label={f('draft.body')} hint={f('draft.bodyHint')} lang="fr" rows={8} />
          </ActionForm>
        </>
      ) : null}
    </section>
  );
}

/** The members-only discussion, oldest first. */
export async function DiscussionSection({ referral, posts, labels }: { referral: ReferralDto; posts: DiscussionPostDto[]; labels: RecommendationLabels }) {
  const [t, f] = await Promise.all([getTranslations('Recommendations.discussion'), forms()]);
  if (!referral.viewer.can['recommendations.discuss'].allowed) return null;
  return (
    <section className="section" aria-labelledby="discussion">
      <h2 id="discussion">{t('title')}</h2>
      <p>{t('lead')}</p>
      {posts.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ol className={styles.list}>
          {posts.map((post) => (
            <li key={post.id} className={styles.item}>
              <p>
                <strong lang="fr">{post.author.displayName}</strong> — <time dateTime={post.createdAt}>{labels.dateTime(post.createdAt)}</time>
              </p>
              <div className={styles.text} lang="fr">
                {post.body}
              </div>
            </li>
          ))}
        </ol>
      )}
      <ActionForm action={postToDiscussion.bind(null, referral.reference)} submitLabel={f('post.submit')} errorSummaryLabel={f('errorSummary')} labels={{ body: f('post.body') }}>
        <TextAreaField name="body" label={f('post.body')} lang="fr" />
      </ActionForm>
    </section>
  );
}

/** The opinion's draft (title, context, analysis, the adopted recommendations in order) and its publication. */
export async function OpinionDraftSection({ referral }: { referral: ReferralDto }) {
  const [t, f] = await Promise.all([getTranslations('Recommendations.opinionDraft'), forms()]);
  if (!referral.viewer.can['recommendations.publish-opinion'].allowed) return null;
  const adopted = referral.recommendations.filter((item) => item.state === 'adopted');
  return (
    <section className="section" aria-labelledby="avis">
      <h2 id="avis">{t('title')}</h2>
      {referral.opinionDraft ? <p>{t.rich('saved', { title: referral.opinionDraft.title, fr })}</p> : <p>{t('none')}</p>}
      {adopted.length === 0 ? (
        <p>{t('noAdopted')}</p>
      ) : (
        <ActionForm
          action={saveOpinionDraft.bind(null, referral.reference)}
          submitLabel={f('opinion.submit')}
          errorSummaryLabel={f('errorSummary')}
          labels={{ title: f('opinion.title'), context: f('opinion.context'), analysis: f('opinion.analysis'), recommendations: f('opinion.recommendations') }}
        >
          <Field name="title" label={f('opinion.title')} defaultValue={referral.opinionDraft?.title ?? referral.title} />
          <TextAreaField name="context" label={f('opinion.context')} lang="fr" rows={6} />
          <TextAreaField name="analysis" label={f('opinion.analysis')} lang="fr" rows={8} />
          <fieldset>
            <legend>{f('opinion.recommendations')}</legend>
            {adopted.map((item) => (
              <CheckboxField key={item.reference} name="item" value={item.reference} label={`${item.reference} — ${item.title}`} defaultChecked />
            ))}
          </fieldset>
        </ActionForm>
      )}
      {referral.opinionDraft ? (
        <>
          <h3>{t('publishTitle')}</h3>
          <p>{t('publishLead')}</p>
          <ActionForm action={publishOpinion.bind(null, referral.reference)} submitLabel={f('opinion.publish')} errorSummaryLabel={f('errorSummary')} />
        </>
      ) : null}
    </section>
  );
}

/** Organizers: set a referral aside, with a public reason. */
export async function DismissSection({ referral }: { referral: ReferralDto }) {
  const f = await forms();
  if (!referral.viewer.can['recommendations.dismiss-referral'].allowed) return null;
  return (
    <section className="section" aria-labelledby="classer">
      <h2 id="classer">{f('dismiss.title')}</h2>
      <ActionForm action={dismissReferral.bind(null, referral.reference)} submitLabel={f('dismiss.submit')} errorSummaryLabel={f('errorSummary')} variant="secondary" labels={{ reason: f('dismiss.reason') }}>
        <TextAreaField name="reason" label={f('dismiss.reason')} hint={f('dismiss.reasonHint')} lang="fr" rows={3} />
      </ActionForm>
    </section>
  );
}

/** Members: regenerate the dossier from its sources. */
export async function RefreshDossierForm({ referral }: { referral: ReferralDto }) {
  const f = await forms();
  if (!referral.viewer.can['recommendations.work'].allowed) return null;
  return <ActionForm action={refreshDossier.bind(null, referral.reference)} submitLabel={f('refresh')} errorSummaryLabel={f('errorSummary')} variant="secondary" inline />;
}
