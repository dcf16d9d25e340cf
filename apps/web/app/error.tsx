'use client';

import { useTranslations } from 'next-intl';
import NextLink from 'next/link';
import { useEffect } from 'react';

import { Button } from '@/components/ui/Button';
import { isServiceUnavailable } from '@/lib/api/unavailable';

type ErrorPageProps = {
  error: unknown;
  /** Next.js 16: re-fetches and re-renders the failed segment. */
  retry: () => void;
};

// Error boundary for every page; the root layout (header, footer) stays in place.
// When the API or its database is briefly away, it says so: trying again shortly will work.
export default function ErrorPage({ error, retry }: ErrorPageProps) {
  const t = useTranslations('Error');
  const unavailable = isServiceUnavailable(error);

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="page-header" role="alert">
      <h1>{unavailable ? t('unavailableTitle') : t('title')}</h1>
      <p className="lead">{unavailable ? t('unavailableText') : t('text')}</p>
      <div className="actions">
        <Button onPress={() => retry()}>{t('retry')}</Button>
        <NextLink href="/">{t('home')}</NextLink>
      </div>
    </div>
  );
}
