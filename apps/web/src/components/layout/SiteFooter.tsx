import { getLocale, getTranslations } from 'next-intl/server';

import { CONTENT_LANG } from '@/i18n/config';

import { ApiLink } from '../ui/ApiLink';
import { Link } from '../ui/Link';

export async function SiteFooter() {
  const t = await getTranslations('Footer');
  // Said once, in the English interface: what people wrote stays French (and is marked so).
  const contentNote = (await getLocale()) === CONTENT_LANG ? null : (await getTranslations('People'))('contentInFrench');

  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <nav aria-label={t('label')}>
          <ul className="site-footer__links">
            <li>
              <Link href="/accessibilite">{t('accessibilite')}</Link>
            </li>
            <li>
              <Link href="/mentions-legales">{t('mentionsLegales')}</Link>
            </li>
            <li>
              <Link href="/donnees-ouvertes">{t('donneesOuvertes')}</Link>
            </li>
            <li>
              <ApiLink href="/api/v1/docs">{t('apiDocs')}</ApiLink>
            </li>
            <li>
              <Link href="/journal">{t('journal')}</Link>
            </li>
          </ul>
        </nav>
        {contentNote ? <p className="site-footer__note">{contentNote}</p> : null}
      </div>
    </footer>
  );
}
