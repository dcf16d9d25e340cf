import { getTranslations } from 'next-intl/server';

import { TextArea, ThreadForm } from '@/features/deliberations/components/ThreadForm';

import { addStatement } from '../actions';

/** A new statement, with the space's length limit in its hint (and on the input). */
export async function StatementForm({ spaceId, reference, maxLength }: { spaceId: string; reference: string; maxLength: number }) {
  const t = await getTranslations('OpinionMap.add');
  return (
    <ThreadForm action={addStatement} hidden={{ spaceId, reference }} submitLabel={t('button')} labels={{ text: t('label') }}>
      <TextArea name="text" label={t('label')} hint={t('hint', { max: maxLength })} maxLength={maxLength} rows={3} />
    </ThreadForm>
  );
}
