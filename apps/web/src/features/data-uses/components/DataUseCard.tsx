import type { DataUseSummary } from '@sesame/domain';
import { getFormatter, getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { timeZone } from '@/i18n/config';

import { DataUseTags } from './DataUseTags';
import styles from './register.module.css';

/** One result of the register: its title links to the record (the whole card is the target). */
export async function DataUseCard({ item }: { item: DataUseSummary }) {
  const [t, format] = [await getTranslations('Register.card'), await getFormatter()];
  const updated = new Date(item.updatedAt);
  return (
    <article className="card">
      <h3 className={styles.cardTitle}>
        <Link href={`/registre/${item.reference}`} className="card__link">
          {item.title}
        </Link>
      </h3>
      {item.summary ? <p>{item.summary}</p> : null}
      <p className={styles.cardMeta}>
        {item.controller ? <>{t('controller', { controller: item.controller })} · </> : null}
        {t('reference', { reference: item.reference })}
        {Number.isNaN(updated.getTime()) ? null : (
          <>
            {' · '}
            <time dateTime={item.updatedAt}>{t('updated', { date: format.dateTime(updated, { dateStyle: 'long', timeZone }) })}</time>
          </>
        )}
      </p>
      <DataUseTags source={item} label={t('tagsLabel')} />
    </article>
  );
}
