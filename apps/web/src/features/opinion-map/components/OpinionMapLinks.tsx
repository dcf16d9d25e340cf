import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';

import { mapPath, statementsPath } from '../paths';
import styles from './opinion-map.module.css';

/** On the debate's page: the way to its statements and its opinion map. */
export async function OpinionMapLinks({ reference }: { reference: string }) {
  const t = await getTranslations('OpinionMap.debateLink');
  return (
    <section aria-labelledby="carte-des-opinions" className={styles.section}>
      <h2 id="carte-des-opinions">{t('title')}</h2>
      <p className="prose">{t('lead')}</p>
      <ul className={styles.links}>
        <li>
          <Link href={statementsPath(reference)} variant="button">
            {t('statements')}
          </Link>
        </li>
        <li>
          <Link href={mapPath(reference)}>{t('map')}</Link>
        </li>
      </ul>
    </section>
  );
}
