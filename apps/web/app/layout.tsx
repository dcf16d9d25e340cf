// Self-hosted font: Next bundles the woff2 files, nothing comes from a CDN.
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './globals.css';

import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import { SiteFooter } from '@/components/layout/SiteFooter';
import { SiteHeader } from '@/components/layout/SiteHeader';
import { SkipLink } from '@/components/ui/SkipLink';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Site');
  return {
    title: { template: `%s — ${t('name')}`, default: t('name') },
    description: t('description'),
    applicationName: t('name'),
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: '#ffffff',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const messages = await getMessages();
  const t = await getTranslations('Site');

  return (
    <html lang={locale}>
      <body>
        {/* Client components only need these namespaces; keep the payload small. */}
        <NextIntlClientProvider messages={{ Error: messages.Error }}>
          <SkipLink targetId="contenu">{t('skipLink')}</SkipLink>
          <SiteHeader />
          <main id="contenu" tabIndex={-1} className="container site-main">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
