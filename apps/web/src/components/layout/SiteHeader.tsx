import NextLink from 'next/link';
import { getTranslations } from 'next-intl/server';

import { AccountNav } from './AccountNav';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav, type NavItem } from './MainNav';

export async function SiteHeader() {
  const site = await getTranslations('Site');
  const nav = await getTranslations('Nav');
  const lang = await getTranslations('LanguageSwitch');

  const items: NavItem[] = [
    { href: '/registre', label: nav('registre') },
    { href: '/propositions', label: nav('propositions') },
    { href: '/consultations', label: nav('consultations') },
    { href: '/comite', label: nav('comite') },
  ];

  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <div className="site-header__brand">
          <NextLink href="/" className="site-header__name" aria-label={site('homeLink')}>
            {site('name')}
          </NextLink>
          <p className="site-header__tagline">{site('tagline')}</p>
        </div>
        {/* The language switch is in the menu, at the top of every page: a reader of the other language should not scroll through this one first. */}
        <MainNav
          label={nav('label')}
          menuLabel={nav('menu')}
          items={items}
          after={<LanguageSwitch targetLocale={lang('targetLocale')} targetName={lang('targetName')} hint={lang('hint')} />}
        />
        <AccountNav />
      </div>
    </header>
  );
}
