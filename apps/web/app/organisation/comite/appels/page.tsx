import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';

import { ActionForm, Field, Hidden, TextAreaField } from '@/components/forms/ActionForm';
import { Announcement } from '@/components/ui/Announcement';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { changeCall, createCall, createInvitations } from '@/features/advisory-panel/actions';
import { BackToWorkspace, NotForYou, panelWorkspace } from '@/features/advisory-panel/components/AdminGate';
import styles from '@/features/advisory-panel/components/advisory-panel.module.css';
import { InvitationsForm } from '@/features/advisory-panel/components/InvitationsForm';
import { ADMIN_PATH, answerPath } from '@/features/advisory-panel/form-values';
import { panelLabels } from '@/features/advisory-panel/labels';
import { fetchCalls, fetchPools, isCallReference } from '@/features/advisory-panel/queries';
import { Content } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdvisoryPanelAdmin.calls'))('metaTitle') };
}

type Props = { searchParams: Promise<{ cree?: string; ouvert?: string; clos?: string }> };

/** The site's own address as the reader reaches it (for the letters' links). */
async function siteOrigin(): Promise<string> {
  const list = await headers();
  const host = (list.get('x-forwarded-host') ?? list.get('host') ?? 'localhost').split(',')[0]!.trim();
  const proto = (list.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https')).split(',')[0]!.trim();
  return `${proto}://${host}`;
}

/** Calls for volunteers: prepare one, open and close it, print the invitation letters' codes. */
export default async function PanelCallsPage({ searchParams }: Props) {
  const { person, panel, allowed } = await panelWorkspace(`${ADMIN_PATH}/appels`, 'advisory-panel.manage-calls');
  if (!allowed) return <NotForYou />;
  const [t, form, labels, dates] = [await getTranslations('AdvisoryPanelAdmin.calls'), await getTranslations('Form'), await panelLabels(), await getDateWords()];
  const query = await searchParams;
  const [calls, pools, origin] = await Promise.all([fetchCalls(person), fetchPools(person), siteOrigin()]);
  const [key, reference] = query.cree ? (['created', query.cree] as const) : query.ouvert ? (['opened', query.ouvert] as const) : query.clos ? (['closed', query.clos] as const) : [null, null];
  const done = key && reference && isCallReference(reference) ? t(`done.${key}`, { reference }) : null;

  return (
    <>
      {done ? <Announcement>{done}</Announcement> : null}
      <BackToWorkspace />
      <PageHeader title={t('title')} lead={t('lead')} />

      <section className="account-section" aria-labelledby="liste-appels">
        <h2 id="liste-appels">{t('listTitle')}</h2>
        {calls.length === 0 ? <p>{t('empty')}</p> : null}
        <ul className={styles.witnesses}>
          {calls.map((call) => {
            const pool = pools.find((p) => p.call === call.reference);
            return (
              <li key={call.reference} id={call.reference}>
                <h3>
                  <Content>{call.title}</Content>
                </h3>
                <p className={styles.muted}>
                  {call.reference} · {labels.callState(call.state)} · {t('answers', { count: call.answers })}
                  {call.openedAt ? ` · ${t('openedOn', { date: dates.date(call.openedAt) })}` : ''}
                </p>
                <p>
                  <Link href={answerPath(call.reference)}>{t('publicForm')}</Link>
                  {pool ? (
                    <>
                      {' · '}
                      <Link href={`${ADMIN_PATH}/viviers/${pool.id}`}>{t('pool', { count: pool.volunteers })}</Link>
                    </>
                  ) : null}
                </p>
                {call.state !== 'closed' ? (
                  <ActionForm action={changeCall} submitLabel={call.state === 'draft' ? t('open') : t('close')} errorSummaryLabel={form('errorSummary')} variant={call.state === 'draft' ? 'primary' : 'secondary'}>
                    <Hidden name="reference" value={call.reference} />
                    <Hidden name="intent" value={call.state === 'draft' ? 'open' : 'close'} />
                  </ActionForm>
                ) : null}
                {call.state !== 'closed' ? (
                  <details className={styles.details}>
                    <summary>{t('lettersTitle')}</summary>
                    <p className="prose">{t('lettersLead')}</p>
                    <InvitationsForm
                      action={createInvitations}
                      reference={call.reference}
                      origin={origin}
                      texts={{
                        count: t('count'),
                        countHint: t('countHint'),
                        submit: t('makeCodes'),
                        errorSummary: form('errorSummary'),
                        codesTitle: t('codesTitle'),
                        codesHint: t('codesHint'),
                        linkTitle: t('linkTitle'),
                      }}
                    />
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      <section className="account-section" aria-labelledby="nouvel-appel">
        <h2 id="nouvel-appel">{t('createTitle')}</h2>
        <p className="prose">{panel.rules ? t('createLead') : t('createNeedsRules')}</p>
        <ActionForm action={createCall} submitLabel={t('create')} errorSummaryLabel={form('errorSummary')} labels={{ title: t('callTitle'), description: t('description') }}>
          <Field name="title" label={t('callTitle')} hint={t('callTitleHint')} required />
          <TextAreaField name="description" label={t('description')} hint={t('descriptionHint')} rows={5} lang="fr" className={styles.textarea} />
        </ActionForm>
      </section>
    </>
  );
}
