import { CURRENT_MEMBER_STATES } from '@sesame/domain';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Announcement } from '@/components/ui/Announcement';
import { PageHeader } from '@/components/ui/PageHeader';
import { BackToWorkspace, NotForYou, panelWorkspace } from '@/features/advisory-panel/components/AdminGate';
import { AddMemberForm, MembersTable } from '@/features/advisory-panel/components/MembersAdmin';
import { ADMIN_PATH } from '@/features/advisory-panel/form-values';
import { fetchMembersAdmin, today } from '@/features/advisory-panel/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdvisoryPanelAdmin.members'))('metaTitle') };
}

type Props = { searchParams: Promise<{ change?: string }> };

const CHANGES = ['activate', 'resign', 'replace', 'end_term'] as const;

/** Members and substitutes: seat association representatives and experts; activate, replace, end terms. */
export default async function PanelMembersPage({ searchParams }: Props) {
  const { person, allowed } = await panelWorkspace(`${ADMIN_PATH}/membres`, 'advisory-panel.manage-members');
  if (!allowed) return <NotForYou />;
  const t = await getTranslations('AdvisoryPanelAdmin.members');
  const { change } = await searchParams;
  const members = await fetchMembersAdmin(person);
  const current = members.filter((m) => (CURRENT_MEMBER_STATES as readonly string[]).includes(m.state));
  const titular = current.filter((m) => m.position === 'titular');
  const substitutes = current.filter((m) => m.position === 'substitute').sort((a, b) => a.seatType.localeCompare(b.seatType) || (a.substituteRank ?? 0) - (b.substituteRank ?? 0));
  const past = members.filter((m) => !(CURRENT_MEMBER_STATES as readonly string[]).includes(m.state));
  const done = change && (CHANGES as readonly string[]).includes(change) ? t(`done.${change as (typeof CHANGES)[number]}`) : null;

  return (
    <>
      {done ? <Announcement>{done}</Announcement> : null}
      <BackToWorkspace />
      <PageHeader title={t('title')} lead={t('lead')} />
      <section className="account-section" aria-labelledby="titulaires">
        <h2 id="titulaires">{t('currentTitle', { count: titular.length })}</h2>
        {titular.length === 0 ? <p>{t('empty')}</p> : <MembersTable members={titular} />}
      </section>
      <section className="account-section" aria-labelledby="suppleants">
        <h2 id="suppleants">{t('substitutesTitle', { count: substitutes.length })}</h2>
        <p className="prose">{t('substitutesLead')}</p>
        {substitutes.length === 0 ? <p>{t('substitutesEmpty')}</p> : <MembersTable members={substitutes} />}
      </section>
      <section className="account-section" aria-labelledby="ajouter">
        <h2 id="ajouter">{t('addTitle')}</h2>
        <p className="prose">{t('addLead')}</p>
        <AddMemberForm today={today()} />
      </section>
      {past.length > 0 ? (
        <section className="account-section" aria-labelledby="anciens">
          <h2 id="anciens">{t('pastTitle', { count: past.length })}</h2>
          <MembersTable members={past} />
        </section>
      ) : null}
    </>
  );
}
