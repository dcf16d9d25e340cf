import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Announcement } from '@/components/ui/Announcement';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { TableScroll } from '@/components/ui/TableScroll';
import { setQuotas } from '@/features/advisory-panel/actions';
import { BackToWorkspace, NotForYou, panelWorkspace } from '@/features/advisory-panel/components/AdminGate';
import styles from '@/features/advisory-panel/components/advisory-panel.module.css';
import { CommitForm } from '@/features/advisory-panel/components/CommitForm';
import { QuotasForm } from '@/features/advisory-panel/components/QuotasForm';
import { SeedHasher } from '@/features/advisory-panel/components/SeedHasher';
import { ADMIN_PATH, quotaRows } from '@/features/advisory-panel/form-values';
import { fetchPool } from '@/features/advisory-panel/queries';
import { Content } from '@/i18n/content';
import { currentPerson } from '@/features/identity/session';

/** The report's sentences keep their placeholders: the form fills them with each value at fault. */
const PLACEHOLDERS = Object.fromEntries(['category', 'value', 'min', 'max', 'available', 'closest', 'by'].map((name) => [name, `{${name}}`]));

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ importe?: string; quotas?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const person = await currentPerson();
  const pool = person ? await fetchPool(person, (await params).id).catch(() => null) : null;
  const t = await getTranslations('AdvisoryPanelAdmin.pool');
  return { title: pool ? t('metaTitle', { label: pool.label }) : t('metaTitleNone') };
}

/** One pool: its volunteers (pseudonymised), its quotas with their feasibility, and the commitment of its draw. */
export default async function PanelPoolPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { person, panel, allowed } = await panelWorkspace(`${ADMIN_PATH}/viviers/${id}`, 'advisory-panel.manage-pools');
  if (!allowed) return <NotForYou />;
  const pool = await fetchPool(person, id);
  if (!pool) notFound();
  const [t, form, scroll] = [await getTranslations('AdvisoryPanelAdmin.pool'), await getTranslations('Form'), await getTranslations('TableScroll')];
  const q = await getTranslations('AdvisoryPanelAdmin.quotas');
  const query = await searchParams;
  const rows = quotaRows(pool.categories).map((row) => {
    const quota = pool.quotas.find((candidate) => candidate.category === row.category && candidate.value === row.value);
    return {
      ...row,
      volunteers: pool.volunteersList.filter((v) => v.values[row.category] === row.value).length,
      min: quota?.min ?? null,
      max: quota?.max ?? null,
    };
  });
  const ready = pool.quotas.length > 0 && pool.panelSize !== null && pool.feasibility?.feasible !== false;
  const categories = pool.categories.map((c) => c.category);

  return (
    <>
      {query.importe ? <Announcement>{t('imported', { count: pool.volunteers })}</Announcement> : query.quotas ? <Announcement>{q('saved')}</Announcement> : null}
      <BackToWorkspace>
        {' · '}
        <Link href={`${ADMIN_PATH}/viviers`}>{t('allPools')}</Link>
      </BackToWorkspace>
      <PageHeader title={<Content>{pool.label}</Content>} lead={t('lead', { count: pool.volunteers, households: pool.households })}>
        <p>{pool.source === 'call' && pool.call ? t('fromCall', { call: pool.call }) : t('importedSource')}</p>
      </PageHeader>

      <section className="account-section" aria-labelledby="quotas">
        <h2 id="quotas">{q('title')}</h2>
        <p className="prose">{q('lead')}</p>
        {pool.feasibility ? <p className={styles.itemTitle}>{pool.feasibility.feasible ? q('feasible', { size: pool.panelSize ?? 0 }) : q('notFeasible')}</p> : null}
        <QuotasForm
          action={setQuotas}
          poolId={pool.id}
          panelSize={pool.panelSize}
          rows={rows}
          texts={{
            panelSize: q('panelSize'),
            panelSizeHint: q('panelSizeHint'),
            caption: q('caption'),
            category: q('category'),
            value: q('value'),
            volunteers: q('volunteers'),
            min: q('min'),
            max: q('max'),
            minFor: q('minFor', { row: '{row}' }),
            maxFor: q('maxFor', { row: '{row}' }),
            hint: q('hint'),
            submit: q('submit'),
            errorSummary: form('errorSummary'),
            reportTitle: q('reportTitle'),
            short: q('short', PLACEHOLDERS),
            over: q('over', PLACEHOLDERS),
            seatsShort: q('seatsShort', { count: '{count}' }),
            scrollHint: scroll('hint'),
          }}
        />
      </section>

      <section className="account-section" aria-labelledby="engager">
        <h2 id="engager">{t('commitTitle')}</h2>
        {ready ? (
          <>
            <p className="prose">{t('commitLead')}</p>
            <h3 id="empreinte">{t('hasherTitle')}</h3>
            <p className="prose">{t('hasherLead')}</p>
            <SeedHasher texts={{ seed: t('hasherSeed'), seedHint: t('hasherSeedHint'), hash: t('hasherHash'), empty: t('hasherEmpty'), generate: t('hasherGenerate'), weak: t('hasherWeak') }} />
            <p className="prose">{t('hasherCommand')}</p>
            <pre className={styles.command} tabIndex={0} aria-label={t('hasherCommandLabel')}>
              <code>{"seed=$(openssl rand -hex 16); echo \"$seed\"; printf '%s' \"$seed\" | sha256sum"}</code>
            </pre>
            <h3 id="engagement">{t('commitFormTitle')}</h3>
            <CommitForm poolId={pool.id} poolPanelSize={pool.panelSize ?? 0} seats={panel.citizenSeats} replacementPossible={panel.draws.some((draw) => draw.state === 'drawn')} />
          </>
        ) : (
          <p>{t('commitNeedsQuotas')}</p>
        )}
      </section>

      <section className="account-section" aria-labelledby="volontaires">
        <h2 id="volontaires">{t('volunteersTitle', { count: pool.volunteers })}</h2>
        <details className={styles.details}>
          <summary>{t('volunteersShow')}</summary>
          <TableScroll captionId="volontaires-tableau">
            <table className="data-table">
              <caption id="volontaires-tableau">{t('volunteersCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('id')}</th>
                  <th scope="col">{t('household')}</th>
                  {categories.map((category) => (
                    <th scope="col" key={category} lang="fr">
                      {category}
                    </th>
                  ))}
                  <th scope="col">{t('seated')}</th>
                </tr>
              </thead>
              <tbody>
                {pool.volunteersList.map((volunteer) => (
                  <tr key={volunteer.id}>
                    <th scope="row" className={styles.mono}>
                      {volunteer.id}
                    </th>
                    <td>{volunteer.household ?? '—'}</td>
                    {categories.map((category) => (
                      <td key={category} lang="fr">
                        {volunteer.values[category]}
                      </td>
                    ))}
                    <td>{volunteer.drawn ? t('yes') : t('no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      </section>
    </>
  );
}
