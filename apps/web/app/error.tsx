'use client';

import { useTranslations } from 'next-intl';
import NextLink from 'next/link';
import { useEffect } from 'react';

import { Button } from '@/components/ui/Button';

type ErrorPageProps = {
  error: unknown;
  /** Next.js 16: re-fetches and re-renders the failed segment. */
  retry: () => void;
};

// Error boundary for every page; the root layout (header, footer) stays in place.
export default function ErrorPage({ error, retry }: ErrorPageProps) {
  const t = useTranslations('Error');

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="page-header" role="alert">
      <h1>{t('title')}</h1>
      <p className="lead">{t('text')}</p>
      <div className="actions">
        <Button onPress={() => retry()}>{t('retry')}</Button>
        <NextLink href="/">{t('home')}</NextLink>
      </div>
    </div>
  );
}
