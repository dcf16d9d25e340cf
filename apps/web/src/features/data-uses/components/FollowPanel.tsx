import type { DataUseDto } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';

import { toggleFollow } from '../follow-actions';
import { FollowButton } from '@/components/ui/FollowButton';
import styles from './register.module.css';

/** How many people follow the record, and the button to follow it (or the way to sign in first). */
export async function FollowPanel({ record, signedIn }: { record: DataUseDto; signedIn: boolean }) {
  const t = await getTranslations('Register.follow');
  const page = `/registre/${record.reference}`;
  const following = record.following === true;
  return (
    <section className={styles.followBox} aria-labelledby="suivre">
      <h2 id="suivre">{t('title')}</h2>
      <p>{t('intro')}</p>
      <p>
        {following ? <strong>{t('following')} </strong> : null}
        {t('followers', { count: record.followers })}
      </p>
      {signedIn ? (
        <FollowButton action={toggleFollow} reference={record.reference} following={following} labels={{ follow: t('follow'), unfollow: t('unfollow') }} />
      ) : (
        <p>
          <Link href={`/connexion?retour=${encodeURIComponent(page)}`}>{t('signIn')}</Link>
        </p>
      )}
    </section>
  );
}
