import { notificationParts } from '@sesame/domain';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { Fragment } from 'react';

import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { markAllNotificationsRead } from '@/features/identity/actions';
import { fetchMyNotifications } from '@/features/identity/queries';
import { requirePerson } from '@/features/identity/session';
import { Content } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Notifications'))('title') };
}

export default async function NotificationsPage() {
  const person = await requirePerson('/notifications');
  const page = await fetchMyNotifications(person);
  const [t, dates, locale] = [await getTranslations('Notifications'), await getDateWords(), await getLocale()];
  // The same sentences as the e-mails (one source, in packages/domain); what people wrote is marked French.
  const sentence = (kind: string, data: Record<string, unknown>) =>
    notificationParts(kind, data, locale === 'en' ? 'en' : 'fr').map((part, index) => <Fragment key={index}>{part.written ? <Content>{part.text}</Content> : part.text}</Fragment>);
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
              {/* The sentence is the link: a list of « Voir » links would say nothing to a screen reader. */}
              {item.link ? <Link href={item.link}>{sentence(item.kind, item.data)}</Link> : sentence(item.kind, item.data)}{' '}
              <time dateTime={item.createdAt}>{dates.dateTime(item.createdAt)}</time>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
