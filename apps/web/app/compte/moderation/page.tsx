import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Announcement } from '@/components/ui/Announcement';
import { EmptyState } from '@/components/ui/EmptyState';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePerson } from '@/features/identity/session';
import { fileAppeal } from '@/features/moderation/actions';
import styles from '@/features/moderation/components/moderation.module.css';
import { ReasonButtonsForm } from '@/features/moderation/components/ReasonButtonsForm';
import { Statement } from '@/features/moderation/components/Statement';
import { moderationLabels } from '@/features/moderation/labels';
import { fetchMyDecisions, type MyDecision } from '@/features/moderation/queries';
import { Content } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';
import { ApiProblem } from '@/lib/api/problem';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Moderation.mine'))('metaTitle') };
}

/**
 * The moderation decisions about the signed-in person: each statement of
 * reasons (decision, ground, facts, automatic or not, how to appeal, the end
 * of a suspension), an appeal form while one may appeal (once, within 6
 * months), and the appeal's outcome.
 */
export default async function MyModerationPage({ searchParams }: { searchParams: Promise<{ appel?: string }> }) {
  const person = await requirePerson('/compte/moderation');
  const [t, labels, dates, form, { appel }] = [await getTranslations('Moderation.mine'), await moderationLabels(), await getDateWords(), await getTranslations('Moderation.form'), await searchParams];
  let items: MyDecision[];
  try {
    items = (await fetchMyDecisions(person)).items;
  } catch (error) {
    if (!(error instanceof ApiProblem)) throw error;
    console.error('[moderation] my decisions unavailable:', error);
    return (
      <>
        <PageHeader title={t('title')} lead={t('lead')} />
        <div role="alert">
          <EmptyState title={t('unavailable')} tone="alert" />
        </div>
      </>
    );
  }
  return (
    <>
      {appel ? <Announcement>{t('appealFiled')}</Announcement> : null}
      <PageHeader title={t('title')} lead={t('lead')}>
        <p>
          <Link href="/moderation">{t('publicLog')}</Link>
        </p>
      </PageHeader>
      {items.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className={styles.statements}>
          {items.map((item) => (
            <li key={item.id} id={`decision-${item.id}`} className={styles.item}>
              <h2 id={`titre-${item.id}`}>{labels.decision(item.decision)}</h2>
              <Statement
                statement={item}
                labels={labels}
                showHowToAppeal={item.canAppeal}
                subject={
                  <Link href={`/propositions/${item.subjectReference}`}>
                    <Content>{item.subjectTitle}</Content>
                  </Link>
                }
              />
              {item.canAppeal ? (
                <>
                  <h3>{t('appealTitle')}</h3>
                  <p>{t('appealUntil', { date: dates.date(item.appealUntil) })}</p>
                  <ReasonButtonsForm
                    action={fileAppeal}
                    hidden={{ decisionId: item.id }}
                    field={{ name: 'explanation', label: t('explanation'), hint: t('explanationHint') }}
                    describedBy={`titre-${item.id}`}
                    errorSummary={form('errorSummary')}
                    buttons={[{ intent: 'appeal', label: t('appeal') }]}
                  />
                </>
              ) : item.appeal ? null : (
                <p className={styles.muted}>{t('noAppealPossible')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
