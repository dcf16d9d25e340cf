import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { Checkbox, TextArea, ThreadForm } from '@/features/deliberations/components/ThreadForm';
import deliberationStyles from '@/features/deliberations/components/deliberations.module.css';

import { addStatement } from '../actions';

/**
 * A new statement, with the space's length limit in its hint (and on the
 * input), and the participation charter's box until the person has accepted
 * it once (the API accepts it with a first statement, as with a first post).
 */
export async function StatementForm({ spaceId, reference, maxLength, charterAsked }: { spaceId: string; reference: string; maxLength: number; charterAsked: boolean }) {
  const t = await getTranslations('OpinionMap.add');
  return (
    <ThreadForm
      action={addStatement}
      hidden={{ spaceId, reference, charterAsked: charterAsked ? 'yes' : 'no' }}
      submitLabel={t('button')}
      labels={{ text: t('label'), charterAccepted: t('charter') }}
    >
      <TextArea name="text" label={t('label')} hint={t('hint', { max: maxLength })} maxLength={maxLength} rows={3} />
      {charterAsked ? (
        <Checkbox name="charterAccepted" label={t('charter')}>
          <p className={deliberationStyles.charterLink}>
            <Link href="/propositions/charte">{t('charterLink')}</Link>
          </p>
        </Checkbox>
      ) : null}
    </ThreadForm>
  );
}
