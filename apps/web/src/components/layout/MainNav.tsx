'use client';

import NextLink from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

import { DisclosureMenu } from '../ui/DisclosureMenu';

export type NavItem = { href: string; label: string };

type MainNavProps = {
  label: string;
  menuLabel: string;
  items: NavItem[];
  /** After the links, in the same menu (the language switch). */
  after?: ReactNode;
};

function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** Main navigation; marks the current section with aria-current="page". */
export function MainNav({ label, menuLabel, items, after }: MainNavProps) {
  const pathname = usePathname() ?? '/';
  return (
    <DisclosureMenu label={label} toggleLabel={menuLabel} closeKey={pathname} className="site-header__menu">
      <div className="main-nav__row">
        <ul className="main-nav__list">
          {items.map((item) => (
            <li key={item.href}>
              <NextLink
                href={item.href}
                className="main-nav__link"
                aria-current={isCurrent(pathname, item.href) ? 'page' : undefined}
              >
                {item.label}
              </NextLink>
            </li>
          ))}
        </ul>
        {after}
      </div>
    </DisclosureMenu>
  );
}
