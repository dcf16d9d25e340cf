import type { DeliberationDto } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';

import styles from './moderation.module.css';

type Page = 'thread' | 'moderation' | 'log' | 'transparency' | 'workshop' | 'rules';

/** A space's pages: its thread, public log and figures for everyone; the queue, the workshop form and the rules to whom `viewer.can` opens them. */
/** `inList`: one of several spaces on a page — a plain list, not one more navigation landmark of the same name. */
export async function SpaceLinks({ space, current, inList = false }: { space: DeliberationDto; current?: Page; inList?: boolean }) {
  const t = await getTranslations('Moderation.spaceLinks');
  const can = space.viewer.can;
  const links: { page: Page; href: string; shown: boolean }[] = [
    { page: 'thread', href: `/propositions/${space.subject.reference}/debat`, shown: space.subject.type === 'proposal' },
    { page: 'log', href: `/debats/${space.id}/journal-de-moderation`, shown: true },
    { page: 'transparency', href: `/debats/${space.id}/transparence`, shown: true },
    { page: 'moderation', href: `/debats/${space.id}/moderation`, shown: can['deliberations.moderate'].allowed },
    { page: 'workshop', href: `/debats/${space.id}/atelier`, shown: can['deliberations.record-workshop'].allowed },
    { page: 'rules', href: `/debats/${space.id}/regles`, shown: can['deliberations.publish-rules'].allowed },
  ];
  const list = (
      <ul className={styles.links}>
        {links
          .filter((link) => link.shown)
          .map((link) => (
            <li key={link.page}>
              <Link href={link.href} aria-current={link.page === current ? 'page' : undefined}>
                {t(link.page)}
              </Link>
            </li>
          ))}
      </ul>
  );
  return inList ? list : <nav aria-label={t('label')}>{list}</nav>;
}
