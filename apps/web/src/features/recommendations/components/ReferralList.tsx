import type { ReferralSummaryDto } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';

import type { RecommendationLabels } from '../labels';
import { opinionPath, referralPath } from '../paths';
import styles from './recommendations.module.css';

/** Referrals as a list: title (what people wrote), origin, state, recommendations, the opinion once published. */
export async function ReferralList({ referrals, labels }: { referrals: ReferralSummaryDto[]; labels: RecommendationLabels }) {
  const t = await getTranslations('Recommendations.referrals');
  return (
    <ul className={styles.list}>
      {referrals.map((referral) => (
        <li key={referral.reference} className={styles.item}>
          <h3>
            <Link href={referralPath(referral.reference)}>
              <span lang="fr">{referral.title}</span>
            </Link>
          </h3>
          <p>
            {referral.reference} · {labels.source(referral.source)} · {labels.referralState(referral.state)} · {t('recommendations', { count: referral.recommendations })}
          </p>
          <p>{t('createdAt', { date: labels.date(referral.createdAt) })}</p>
          {referral.opinion ? (
            <p>
              <Link href={opinionPath(referral.opinion)}>{t('opinion', { number: referral.opinion })}</Link>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
