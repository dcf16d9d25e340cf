import type { DataUseSummary } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import listing from '@/components/ui/listing.module.css';
import { CONTENT_LANG } from '@/i18n/config';
import { fr } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

import { DataUseTags } from './DataUseTags';

/** One result of the register: its title links to the record (the whole card is the target). */
export async function DataUseCard({ item }: { item: DataUseSummary }) {
  const [t, dates] = [await getTranslations('Register.card'), await getDateWords()];
  const updated = new Date(item.updatedAt);
  return (
    <article className="card">
      <h3 className={listing.cardTitle}>
        <Link href={`/registre/${item.reference}`} className="card__link">
          <span lang={CONTENT_LANG}>{item.title}</span>
        </Link>
      </h3>
      {item.summary ? <p lang={CONTENT_LANG}>{item.summary}</p> : null}
      <p className={listing.cardMeta}>
        {item.controller ? <>{t.rich('controller', { controller: item.controller, fr })} · </> : null}
        {t('reference', { reference: item.reference })}
        {Number.isNaN(updated.getTime()) ? null : (
          <>
            {' · '}
            <time dateTime={item.updatedAt}>{t('updated', { date: dates.date(updated) })}</time>
          </>
        )}
      </p>
      <DataUseTags source={item} label={t('tagsLabel')} />
    </article>
  );
}
