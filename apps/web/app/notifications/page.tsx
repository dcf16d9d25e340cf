import type { NotificationPage } from '@sesame/domain';
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';

import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { markAllNotificationsRead } from '@/features/identity/actions';
import { callApiJson } from '@/features/identity/api';
import { requirePerson } from '@/features/identity/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Notifications'))('title') };
}

export default async function NotificationsPage() {
  const person = await requirePerson('/notifications');
  const page = await callApiJson<NotificationPage>('/api/v1/me/notifications?pageSize=50', { as: person });
  const [t, roles, format] = [await getTranslations('Notifications'), await getTranslations('Roles'), await getFormatter()];
  const sentence = (kind: string, data: Record<string, unknown>) => {
    if (kind === 'role.granted' || kind === 'role.revoked') {
      const role = String(data.role);
      const name = (['resident', 'facilitator', 'moderator', 'organizer', 'panel_member', 'authority', 'admin'] as const).find((r) => r === role);
      return t(kind === 'role.granted' ? 'role_granted' : 'role_revoked', { role: name ? roles(name).toLowerCase() : role });
    }
    if (kind === 'resident.verified') return t('resident_verified', { neighbourhood: String(data.neighbourhood) });
    if (kind === 'proposal.qualified') return t('proposal_qualified', { title: String(data.title) });
    if (kind === 'proposal.admissible') return t('proposal_admissible', { title: String(data.title) });
    if (kind.startsWith('data-use.')) return t('data_use_changed', { reference: String(data.reference), title: String(data.title) });
    return t('other');
  };
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      {page.unread > 0 ? (
        <form action={markAllNotificationsRead}>
          <Button type="submit" variant="secondary">
            {t('markAllRead')}
          </Button>
        </form>
      ) : null}
      {page.items.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <ul className="notification-list">
          {page.items.map((item) => (
            <li key={item.id}>
              {item.readAt ? null : <strong>{t('unread')} — </strong>}
              {sentence(item.kind, item.data)}{' '}
              <time dateTime={item.createdAt}>{format.dateTime(new Date(item.createdAt), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' })}</time>
              {item.link ? (
                <>
                  {' '}
                  <Link href={item.link}>{t('open')}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
