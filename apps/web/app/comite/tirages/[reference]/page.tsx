import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';

import { Announcement } from '@/components/ui/Announcement';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { DrawReport } from '@/features/advisory-panel/components/DrawReport';
import { CancelDraw, Commitment, DrawnPanel, DrawProgress, DrawStateBadge, FilesAndRerun, RunDraw, Witnesses } from '@/features/advisory-panel/components/DrawSections';
import { panelLabels } from '@/features/advisory-panel/labels';
import { fetchDraw, fetchDrawReport } from '@/features/advisory-panel/queries';

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ engage?: string; graine?: string; tire?: string; annule?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const draw = await fetchDraw((await params).reference);
  if (!draw) return {};
  return { title: (await getTranslations('AdvisoryPanelDraw'))('metaTitle', { reference: draw.reference }) };
}

/** The API's public address as this page's reader reaches it, for the re-run command. */
async function publicApiBase(): Promise<string> {
  const list = await headers();
  const host = (list.get('x-forwarded-host') ?? list.get('host') ?? 'localhost').split(',')[0]!.trim();
  const proto = (list.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https')).split(',')[0]!.trim();
  return `${proto}://${host}/api/v1`;
}

/**
 * A draw by lot, in public: the commitment (pool, quotas, algorithm, the
 * witnesses' seed hashes), the computation's progress, the 1 000 panels to
 * download, the revealed seeds, the drawn panel and the report; organizers
 * type in the revealed seeds and run the draw here, in front of everyone.
 */
export default async function DrawPage({ params, searchParams }: Props) {
  const { reference } = await params;
  const draw = await fetchDraw(reference);
  if (!draw) notFound();
  const [t, labels, query] = [await getTranslations('AdvisoryPanelDraw'), await panelLabels(), await searchParams];
  const computed = draw.state === 'ready' || draw.state === 'drawn';
  const report = computed ? await fetchDrawReport(draw.reference) : null;
  const path = `/comite/tirages/${draw.reference}`;
  const witness = query.graine && /^\d{1,2}$/.test(query.graine) ? Number(query.graine) : null;
  const done = query.annule ? t('done.cancelled') : query.tire ? t('done.drawn') : witness !== null ? t('done.seed', { position: witness }) : query.engage ? t('done.committed') : null;

  return (
    <>
      {done ? <Announcement>{done}</Announcement> : null}
      <PageHeader title={t('title', { reference: draw.reference })} lead={t('lead')}>
        <p>
          <DrawStateBadge state={draw.state} /> · {labels.drawKind(draw.kind)} · {t('sizes', { panel: draw.panelSize, pool: draw.poolSize })}
        </p>
      </PageHeader>

      <section className="section" aria-labelledby="etat">
        <h2 id="etat">{t('stateTitle')}</h2>
        <DrawProgress draw={draw} path={path} />
      </section>

      <DrawnPanel draw={draw} />
      <RunDraw draw={draw} />
      <CancelDraw draw={draw} />

      <section className="section" aria-labelledby="graines">
        <h2 id="graines">{t('witnesses.title')}</h2>
        <p className="prose">{t('witnesses.lead')}</p>
        <Witnesses draw={draw} />
      </section>

      <section className="section" aria-labelledby="engagement">
        <h2 id="engagement">{t('commitment.title')}</h2>
        <p className="prose">{t('commitment.lead')}</p>
        <Commitment draw={draw} />
      </section>

      <section className="section" aria-labelledby="rapport">
        <h2 id="rapport">{t('report.title')}</h2>
        {report ? <DrawReport report={report} /> : <p>{t('report.later')}</p>}
      </section>

      <section className="section" aria-labelledby="fichiers">
        <h2 id="fichiers">{t('files.title')}</h2>
        <FilesAndRerun draw={draw} apiBase={await publicApiBase()} />
      </section>

      <p>
        <Link href="/comite#tirages">{t('back')}</Link>
      </p>
    </>
  );
}
