import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('NotFound');
  return { title: t('metaTitle') };
}

// Rendered for unknown URLs and notFound() calls; Next.js answers HTTP 404.
export default async function NotFound() {
  const t = await getTranslations('NotFound');
  return (
    <>
      <PageHeader title={t('title')} lead={t('text')} />
      <p>
        <Link href="/" variant="button">
          {t('home')}
        </Link>
      </p>
    </>
  );
}
