import { DELIBERATION_LIMITS, STANCES, type DeliberationDto } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';

import { postContribution } from '../actions';
import { Checkbox, Choice, TextArea, ThreadForm } from './ThreadForm';
import styles from './deliberations.module.css';

/**
 * A contribution, or a reply (`parentId`): its stance, its text, and the
 * participation charter's box until the person has accepted it once.
 */
export async function PostForm({ space, parentId }: { space: DeliberationDto; parentId?: string }) {
  const [t, labels] = [await getTranslations('Deliberations.post'), await getTranslations('Deliberations.labels')];
  const charterAsked = !space.viewer.charterAccepted;
  const hidden: Record<string, string> = { spaceId: space.id, reference: space.subject.reference, charterAsked: charterAsked ? 'yes' : 'no', ...(parentId ? { parentId } : {}) };
  return (
    <ThreadForm
      action={postContribution}
      hidden={hidden}
      submitLabel={parentId ? t('replyButton') : t('button')}
      labels={{ stance: t('stance'), body: parentId ? t('replyBody') : t('body'), charterAccepted: t('charter') }}
    >
      <Choice name="stance" legend={t('stance')} options={STANCES.map((stance) => ({ value: stance, label: labels(`stance.${stance}`) }))} />
      <TextArea name="body" label={parentId ? t('replyBody') : t('body')} hint={t('bodyHint', { max: DELIBERATION_LIMITS.body })} maxLength={DELIBERATION_LIMITS.body} rows={parentId ? 4 : 6} />
      {charterAsked ? (
        <Checkbox name="charterAccepted" label={t('charter')}>
          <p className={styles.charterLink}>
            <Link href="/propositions/charte">{t('charterLink')}</Link>
          </p>
        </Checkbox>
      ) : null}
    </ThreadForm>
  );
}
