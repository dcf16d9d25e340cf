import type { DataUseSummary } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { dataUseLabels } from '../labels';
import styles from './register.module.css';

type TagSource = Pick<DataUseSummary, 'domain' | 'lifecycleStatus' | 'automationLevel' | 'specialCategories' | 'reviewOverdue' | 'sunsetPassed'>;

/**
 * A record's badges: domain, status, automation level, sensitive data, and
 * warnings. Each badge is a list item whose text says what it is (a hidden
 * prefix for screen readers); colour only repeats it.
 */
export async function DataUseTags({ source, label }: { source: TagSource; label: string }) {
  const [t, labels] = [await getTranslations('Register.card'), dataUseLabels(await getTranslations('Register.labels'))];
  const tag = (prefix: string, text: string, tone?: string) => (
    <li className={[styles.tag, tone].filter(Boolean).join(' ')}>
      <span className="visually-hidden">{prefix} </span>
      {text}
    </li>
  );
  return (
    <ul className={styles.tags} aria-label={label}>
      {tag(t('tagStatus'), labels.status(source.lifecycleStatus), source.lifecycleStatus === 'suspended' || source.lifecycleStatus === 'retired' ? styles.tagWarning : undefined)}
      {tag(t('tagDomain'), labels.domain(source.domain))}
      {tag(t('tagAutomation'), labels.automationLevel(source.automationLevel), source.automationLevel === 'automated_decision' ? styles.tagWarning : undefined)}
      {source.specialCategories.map((category) => (
        <li key={category} className={`${styles.tag} ${styles.tagSensitive}`}>
          <span className="visually-hidden">{t('tagSpecial')} </span>
          {labels.specialCategory(category)}
        </li>
      ))}
      {source.reviewOverdue ? <li className={`${styles.tag} ${styles.tagWarning}`}>{t('reviewOverdue')}</li> : null}
      {source.sunsetPassed ? <li className={`${styles.tag} ${styles.tagWarning}`}>{t('sunsetPassed')}</li> : null}
    </ul>
  );
}
