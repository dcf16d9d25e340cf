import NextLink from 'next/link';
import { getTranslations } from 'next-intl/server';

import { fetchHeaderState } from '@/features/identity/queries';
import { WORKSPACE_PATH } from '@/features/recommendations/paths';
import { Content } from '@/i18n/content';
import { currentPerson } from '@/features/identity/session';

/** Sign-in link, or the signed-in person's pseudonym, notifications bell, admin links and, for a panel member, the panel's workspace. */
export async function AccountNav() {
  const t = await getTranslations('Auth');
  const notifications = await getTranslations('Notifications');
  const moderation = await getTranslations('Moderation.nav');
  const panel = await getTranslations('AdvisoryPanelAdmin.dashboard');
  const consultations = await getTranslations('Consultation.dashboard');
  const person = await currentPerson();
  // A panel member's seat is linked to their account (no role says so): GET /me says so (`panelSeat`), no call to the workspace.
  const state = person ? await fetchHeaderState(person) : null;
  if (!state) {
    return (
      <nav className="site-header__account" aria-label={t('account')}>
        <NextLink href="/connexion">{t('signIn')}</NextLink>
      </nav>
    );
  }
  const { me, unread } = state;
  return (
    <nav className="site-header__account" aria-label={t('account')}>
      <NextLink href="/notifications" className="site-header__bell" aria-label={unread > 0 ? notifications('bellUnread', { count: unread }) : notifications('bell')}>
        {/* An inline icon: an emoji would depend on fonts the machine may not have. */}
        <svg aria-hidden="true" focusable="false" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" style={{ verticalAlign: 'middle' }}>
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>{' '}
        {unread > 0 ? <span className="badge" aria-hidden="true">{unread}</span> : null}
      </NextLink>
      {/* A long pseudonym is cut short on a phone (its full name stays the link's name). */}
      <NextLink href="/compte" className="site-header__person">
        <Content>{me.pseudonym}</Content>
      </NextLink>
      {me.can['identity.list-people'].allowed ? <NextLink href="/admin/personnes">{t('admin')}</NextLink> : null}
      {me.can['dashboard.view'].allowed ? <NextLink href="/organisation">{t('organisation')}</NextLink> : null}
      {me.panelSeat ? <NextLink href={WORKSPACE_PATH}>{t('panelWorkspace')}</NextLink> : null}
      {/* The spaces' list leads to the moderation queues and the workshop forms; the organising team reaches it from its own page too. */}
      {me.can['deliberations.moderate'].allowed ? (
        <NextLink href="/debats">{moderation('moderation')}</NextLink>
      ) : me.can['deliberations.record-workshop'].allowed && !me.can['dashboard.view'].allowed ? (
        <NextLink href="/debats">{moderation('workshops')}</NextLink>
      ) : null}
      {/* The panel's organizer pages: from /organisation for whoever sees it; here for anyone else the panel's policy lets in. */}
      {me.can['advisory-panel.publish-rules'].allowed && !me.can['dashboard.view'].allowed ? <NextLink href="/organisation/comite">{panel('title')}</NextLink> : null}
      {me.can['consultations.organize'].allowed && !me.can['dashboard.view'].allowed ? <NextLink href="/organisation/consultations">{consultations('title')}</NextLink> : null}
    </nav>
  );
}
