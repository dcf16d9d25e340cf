import type { ProposalSummary } from '@sesame/domain';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { ActionForm, CheckboxField, Field } from '@/components/forms/ActionForm';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { fetchMe } from '@/features/identity/queries';
import { requirePerson } from '@/features/identity/session';
import { decideAdmissibility, decideSelection, saveSupportSettings } from '@/features/proposals/actions';
import { Announcement } from '@/components/ui/Announcement';
import styles from '@/features/proposals/components/proposals.module.css';
import { ReasonForm } from '@/features/proposals/components/ReasonForm';
import { SupportProgress } from '@/features/proposals/components/SupportProgress';
import { proposalLabels } from '@/features/proposals/labels';
import { fetchProposalsInState, fetchSupportSettings, isProposalReference } from '@/features/proposals/queries';
import { ReferToPanelLink } from '@/features/recommendations/components/ReferToPanelLink';
import { Content, fr, person } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('ProposalsAdmin'))('metaTitle') };
}

type Props = { searchParams: Promise<{ decision?: string; proposition?: string }> };

const DONE_KEYS = {
  admissible: 'review.doneAdmissible',
  inadmissible: 'review.doneInadmissible',
  selected: 'qualified.doneSelected',
  not_selected: 'qualified.doneNotSelected',
} as const;

/** What an item of the queue says about its proposal: link, reference, author, kind, data use, date. */
async function QueueItemHeader({ item }: { item: ProposalSummary }) {
  const [t, labels, card, dates, people] = [await getTranslations('ProposalsAdmin'), proposalLabels(await getTranslations('Proposals.labels')), await getTranslations('Proposals.card'), await getDateWords(), await getTranslations('People')];
  const submitted = item.submittedAt ? new Date(item.submittedAt) : null;
  return (
    <>
      <h3 id={`titre-${item.reference}`}>
        <Link href={`/propositions/${item.reference}`}>{item.title ? <Content>{item.title}</Content> : (await getTranslations('Proposals.labels'))('untitled')}</Link>
      </h3>
      <p className={styles.muted}>
        {t('reference', { reference: item.reference })} · {t.rich('author', person('author', item.author, people('deletedAccount')))}
        {submitted ? (
          <>
            {' · '}
            <time dateTime={item.submittedAt!}>{t('submittedOn', { date: dates.date(submitted) })}</time>
          </>
        ) : null}
      </p>
      <p>
        {card('kind', { kind: labels.kind(item.kind) })}
        {item.dataUse ? <> · {card.rich('dataUse', { title: item.dataUse.title, fr })}</> : item.unlistedDataUse ? ` · ${card('unlisted')}` : ''}
      </p>
    </>
  );
}

export default async function OrganisationProposalsPage({ searchParams }: Props) {
  const person = await requirePerson('/organisation/propositions');
  const [t, form, decisions] = [await getTranslations('ProposalsAdmin'), await getTranslations('Form'), await getTranslations('ProposalDecisions')];
  const me = await fetchMe(person);
  if (!me.can['proposals.organize'].allowed) {
    return (
      <PageHeader title={t('forbiddenTitle')} lead={t('forbiddenLead')}>
        <p>
          <Link href="/propositions">{t('forbiddenBack')}</Link>
        </p>
      </PageHeader>
    );
  }
  const { decision, proposition } = await searchParams;
  const done = decision && proposition && isProposalReference(proposition) && Object.hasOwn(DONE_KEYS, decision) ? t(DONE_KEYS[decision as keyof typeof DONE_KEYS], { reference: proposition }) : null;
  // Selected proposals lead to the consultations' creation form, for whoever may organize them.
  const organizesConsultations = me.can['consultations.organize'].allowed;
  const [submitted, qualified, selected, settings] = await Promise.all([
    fetchProposalsInState(person, 'submitted'),
    fetchProposalsInState(person, 'qualified'),
    organizesConsultations ? fetchProposalsInState(person, 'selected') : Promise.resolve([]),
    fetchSupportSettings(),
  ]);
  const newConsultation = (reference: string) => `/organisation/consultations/nouvelle?proposition=${encodeURIComponent(reference)}`;

  return (
    <>
      {done ? (
        <Announcement>
          {done}
          {decision === 'selected' && organizesConsultations ? (
            <>
              {' '}
              <Link href={newConsultation(proposition!)}>{t('selected.createConsultation')}</Link>
            </>
          ) : null}
        </Announcement>
      ) : null}
      <PageHeader title={t('title')} lead={t('lead')} />

      <section className="account-section" aria-labelledby="a-examiner">
        <h2 id="a-examiner">{t('review.title')}</h2>
        <p className="prose">
          {t('review.lead')} <Link href="/propositions/charte">{(await getTranslations('Proposals.list'))('charter')}</Link>
        </p>
        {submitted.length === 0 ? (
          <p>{t('review.empty')}</p>
        ) : (
          <ul className={styles.queue}>
            {submitted.map((item) => (
              <li key={item.reference} className={styles.queueItem}>
                <QueueItemHeader item={item} />
                <ReasonForm
                  action={decideAdmissibility}
                  reference={item.reference}
                  reasonLabel={t('review.reasonLabel')}
                  reasonHint={t('review.reasonHint')}
                  describedBy={`titre-${item.reference}`}
                  confirmLabel={decisions('confirmLabel')}
                  buttons={[
                    { intent: 'admissible', label: t('review.admissible') },
                    { intent: 'inadmissible', label: t('review.inadmissible'), variant: 'secondary' },
                  ]}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="account-section" aria-labelledby="qualifiees">
        <h2 id="qualifiees">{t('qualified.title')}</h2>
        <p className="prose">{t('qualified.lead')}</p>
        {qualified.length === 0 ? (
          <p>{t('qualified.empty')}</p>
        ) : (
          <ul className={styles.queue}>
            {qualified.map((item) => (
              <li key={item.reference} className={styles.queueItem}>
                <QueueItemHeader item={item} />
                <SupportProgress proposal={item} variant="page" />
                <ReasonForm
                  action={decideSelection}
                  reference={item.reference}
                  reasonLabel={t('qualified.reasonLabel')}
                  reasonHint={t('qualified.reasonHint')}
                  describedBy={`titre-${item.reference}`}
                  confirmLabel={decisions('confirmLabel')}
                  buttons={[
                    { intent: 'selected', label: t('qualified.select') },
                    { intent: 'not_selected', label: t('qualified.notSelect'), variant: 'secondary' },
                  ]}
                />
                <p>
                  <ReferToPanelLink proposal={item.reference} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {organizesConsultations ? (
        <section className="account-section" aria-labelledby="choisies">
          <h2 id="choisies">{t('selected.title')}</h2>
          <p className="prose">{t('selected.lead')}</p>
          {selected.length === 0 ? (
            <p>{t('selected.empty')}</p>
          ) : (
            <ul className={styles.queue}>
              {selected.map((item) => (
                <li key={item.reference} className={styles.queueItem}>
                  <QueueItemHeader item={item} />
                  <p>
                    <Link href={newConsultation(item.reference)} variant="button" aria-describedby={`titre-${item.reference}`}>
                      {t('selected.createConsultation')}
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section className="account-section" aria-labelledby="regles">
        <h2 id="regles">{t('settings.title')}</h2>
        <p className="prose">{t('settings.lead')}</p>
        <ActionForm
          action={saveSupportSettings}
          submitLabel={t('settings.save')}
          errorSummaryLabel={form('errorSummary')}
          labels={{ threshold: t('settings.threshold'), windowDays: t('settings.windowDays') }}
        >
          <Field name="threshold" type="number" inputMode="numeric" min={1} label={t('settings.threshold')} hint={t('settings.thresholdHint')} defaultValue={settings.threshold} required />
          <Field name="windowDays" type="number" inputMode="numeric" min={1} max={730} label={t('settings.windowDays')} hint={t('settings.windowDaysHint')} defaultValue={settings.windowDays} required />
          <CheckboxField name="requiresVerification" label={t('settings.requiresVerification')} defaultChecked={settings.requiresVerification} className={styles.check} />
        </ActionForm>
      </section>
    </>
  );
}
