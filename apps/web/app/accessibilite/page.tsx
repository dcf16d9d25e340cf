import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { fr } from '@/i18n/content';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Accessibilite');
  return { title: t('metaTitle') };
}

const aims = [
  'keyboard',
  'skipLink',
  'contrast',
  'zoom',
  'smallScreens',
  'screenReaders',
  'motion',
  'noScript',
] as const;

const remedies = ['online', 'delegate', 'mail'] as const;

export default async function AccessibilityPage() {
  const t = await getTranslations('Accessibilite');
  const footer = await getTranslations('Footer');

  return (
    <div className="prose">
      <PageHeader title={t('title')} lead={t('lead')} />

      <section aria-labelledby="status-title" className="section">
        <h2 id="status-title">{t('statusTitle')}</h2>
        <p>{t('status')}</p>
        <p>{t('statusDetail')}</p>
      </section>

      <section aria-labelledby="aims-title" className="section">
        <h2 id="aims-title">{t('aimsTitle')}</h2>
        <p>{t('aimsIntro')}</p>
        <ul>
          {aims.map((key) => (
            <li key={key}>{t(`aims.${key}`)}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="feedback-title" className="section">
        <h2 id="feedback-title">{t('feedbackTitle')}</h2>
        <p>{t('feedback')}</p>
        <p>
          <Link href="/mentions-legales">{footer('mentionsLegales')}</Link>
        </p>
      </section>

      <section aria-labelledby="remedy-title" className="section">
        <h2 id="remedy-title">{t('remedyTitle')}</h2>
        <p>{t.rich('remedyIntro', { fr })}</p>
        <ul>
          {remedies.map((key) => (
            <li key={key}>{t.rich(`remedy.${key}`, { fr })}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
