import { isLoopbackRequest } from '@sesame/domain';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { Fragment } from 'react';

import { PageHeader } from '@/components/ui/PageHeader';
import { fetchOutbox } from '@/features/dev/queries';
import { getDateWords } from '@/i18n/dates';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('DevOutbox'))('title'), robots: { index: false } };
}

/** Renders the site's own links as links; everything else stays text. */
function MailText({ text, origin }: { text: string; origin: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <p className="mail-text">
      {parts.map((part, index) =>
        part.startsWith(origin) ? (
          <a key={index} href={part.slice(origin.length) || '/'}>
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </p>
  );
}

export default async function DevOutboxPage() {
  // The API answers 404 in production too; this page does not even exist there.
  if (process.env.NODE_ENV === 'production' && process.env.SESAME_DEV_OUTBOX !== 'true') notFound();
  // Sign-in links are in there: only for a browser on this machine (a demo reached by a public name shows nothing).
  const request = await headers();
  if (!isLoopbackRequest(request.get('host'), request.get('x-forwarded-host'))) notFound();
  const [t, dates] = [await getTranslations('DevOutbox'), await getDateWords()];
  const messages = await fetchOutbox().catch(() => notFound());
  const origin = (process.env.NEXTAUTH_URL ?? '').replace(/\/+$/, '');
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      {messages.length === 0 ? <p>{t('empty')}</p> : null}
      {messages.map((message) => (
        <article key={message.id} className="account-section" aria-label={`${message.subject} — ${message.to}`}>
          <h2>{message.subject}</h2>
          <p>
            {t('to')} : {message.to} — {t('date')} : {dates.dateTime(message.date)}
          </p>
          <MailText text={message.text} origin={origin || 'http://localhost:3000'} />
        </article>
      ))}
    </>
  );
}
