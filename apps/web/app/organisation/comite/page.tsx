import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { NotForYou, panelWorkspace } from '@/features/advisory-panel/components/AdminGate';
import { ADMIN_PATH } from '@/features/advisory-panel/form-values';
import { WorkArea } from '@/features/dashboard/components/WorkArea';
import { getDateWords } from '@/i18n/dates';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdvisoryPanelAdmin'))('metaTitle') };
}

/**
 * The organizers' page of the citizen panel: the rules, the members, the
 * calls for volunteers, the pools with their quotas, and the draws — in the
 * order a panel is set up.
 */
export default async function PanelWorkspacePage() {
  const { panel, allowed } = await panelWorkspace(ADMIN_PATH, 'advisory-panel.publish-rules');
  if (!allowed) return <NotForYou />;
  const t = await getTranslations('AdvisoryPanelAdmin.hub');
  const openCalls = panel.calls.filter((call) => call.state === 'open').length;
  const draftCalls = panel.calls.filter((call) => call.state === 'draft').length;
  const running = panel.draws.filter((draw) => draw.state !== 'drawn' && draw.state !== 'failed');
  const invited = panel.members.filter((member) => member.state === 'invited').length;
  const toFill = panel.seats.find((seat) => seat.seatType === 'drawn_citizen')?.toFill ?? 0;
  const nextEnd = panel.termEnds.find((end) => end.seatType === 'drawn_citizen');
  const dates = await getDateWords();

  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')}>
        <p>
          <Link href="/comite">{t('publicPage')}</Link>
        </p>
      </PageHeader>
      <WorkArea
        id="regles"
        title={t('rulesTitle')}
        queues={[{ href: `${ADMIN_PATH}/regles`, label: panel.rules ? t('rulesVersion', { version: panel.rules.version }) : t('rulesNone'), count: panel.rules ? null : 1 }]}
      />
      <WorkArea
        id="membres"
        title={t('membersTitle')}
        queues={[{ href: `${ADMIN_PATH}/membres`, label: t('members', { count: panel.members.length, invited }), count: invited, hint: t('membersHint') }]}
      />
      <WorkArea
        id="appels"
        title={t('callsTitle')}
        queues={[{ href: `${ADMIN_PATH}/appels`, label: t('calls', { open: openCalls, drafts: draftCalls }), count: draftCalls, hint: t('callsHint') }]}
      />
      <WorkArea
        id="tirages"
        title={t('drawsTitle')}
        queues={[
          ...(toFill > 0 && panel.rules ? [{ href: `${ADMIN_PATH}/viviers`, label: t('seatsToFill', { count: toFill }), count: toFill, hint: t('seatsToFillHint') }] : []),
          { href: `${ADMIN_PATH}/viviers`, label: t('pools'), count: null, hint: nextEnd ? `${t('poolsHint')} ${t('nextTermEnd', { date: dates.day(nextEnd.termEnd), count: nextEnd.members })}` : t('poolsHint') },
          ...running.map((draw) => ({ href: `/comite/tirages/${draw.reference}`, label: t('running', { reference: draw.reference }), count: 1 })),
        ]}
      />
    </>
  );
}
