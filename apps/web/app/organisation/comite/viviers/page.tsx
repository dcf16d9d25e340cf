import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { importPool } from '@/features/advisory-panel/actions';
import { BackToWorkspace, NotForYou, panelWorkspace } from '@/features/advisory-panel/components/AdminGate';
import styles from '@/features/advisory-panel/components/advisory-panel.module.css';
import { ImportPoolForm } from '@/features/advisory-panel/components/ImportPoolForm';
import { ADMIN_PATH } from '@/features/advisory-panel/form-values';
import { fetchPools } from '@/features/advisory-panel/queries';
import { Content } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdvisoryPanelAdmin.pools'))('metaTitle') };
}

/** The pools of volunteers (from a call's answers or an imported file): each leads to its quotas and its draw. */
export default async function PanelPoolsPage() {
  const { person, panel, allowed } = await panelWorkspace(`${ADMIN_PATH}/viviers`, 'advisory-panel.manage-pools');
  if (!allowed) return <NotForYou />;
  const [t, form, dates] = [await getTranslations('AdvisoryPanelAdmin.pools'), await getTranslations('Form'), await getDateWords()];
  const pools = await fetchPools(person);
  const columns = panel.rules ? ['id', 'household', ...panel.rules.rules.categories.map((c) => c.category)].join(',') : 'id,household,…';

  return (
    <>
      <BackToWorkspace />
      <PageHeader title={t('title')} lead={t('lead')} />

      <section className="account-section" aria-labelledby="liste-viviers">
        <h2 id="liste-viviers">{t('listTitle')}</h2>
        {pools.length === 0 ? <p>{t('empty')}</p> : null}
        <ul className={styles.plainList}>
          {pools.map((pool) => (
            <li key={pool.id}>
              <p className={styles.itemTitle}>
                <Link href={`${ADMIN_PATH}/viviers/${pool.id}`}>
                  <Content>{pool.label}</Content>
                </Link>
              </p>
              <p className={styles.muted}>
                {pool.source === 'call' && pool.call ? t('fromCall', { call: pool.call }) : t('imported')} · {t('volunteers', { count: pool.volunteers, households: pool.households })} ·{' '}
                {pool.panelSize ? t('panelSize', { size: pool.panelSize }) : t('noQuotas')} · {dates.date(pool.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section className="account-section" aria-labelledby="importer">
        <h2 id="importer">{t('importTitle')}</h2>
        <p className="prose">{t('importLead')}</p>
        <p>
          {t('columns')} <code className={styles.mono}>{columns}</code>
        </p>
        <ImportPoolForm
          action={importPool}
          hasRules={panel.rules !== null}
          texts={{
            label: t('label'),
            labelHint: t('labelHint'),
            categoriesFrom: t('categoriesFrom'),
            fromRules: t('fromRules'),
            fromFile: t('fromFile'),
            categoriesHint: t('categoriesHint'),
            file: t('file'),
            fileHint: t('fileHint'),
            csv: t('csv'),
            csvHint: t('csvHint'),
            submit: t('submit'),
            errorSummary: form('errorSummary'),
            linesTitle: t('linesTitle'),
          }}
        />
      </section>
    </>
  );
}
