import type { CallDto } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { ActionForm, Field, Hidden, SelectField } from '@/components/forms/ActionForm';

import { answerCall } from '../actions';

/**
 * The answer to a call for volunteers, reached from an invitation letter: its
 * code (filled in when the letter's address carries it), one answer per
 * question the panel rules ask, the name to be shown as, an address to be told.
 */
export async function AnswerForm({ call, code }: { call: CallDto; code: string }) {
  const [t, form] = [await getTranslations('AdvisoryPanelCall.form'), await getTranslations('Form')];
  const labels: Record<string, string> = { invitationCode: t('code') };
  call.categories.forEach((category, i) => {
    labels[`values.${i}`] = category.label || category.category;
  });
  Object.assign(labels, { displayName: t('displayName'), displayMode: t('displayMode'), contactEmail: t('email') });
  return (
    <ActionForm action={answerCall} submitLabel={t('submit')} errorSummaryLabel={form('errorSummary')} labels={labels}>
      <Hidden name="reference" value={call.reference} />
      <Field name="invitationCode" label={t('code')} hint={t('codeHint')} defaultValue={code} autoComplete="off" required />
      {call.categories.map((category, i) => (
        <SelectField
          key={category.category}
          name={`values.${i}`}
          label={category.label || category.category}
          options={[{ value: '', label: t('choose') }, ...category.values.map((value) => ({ value, label: value, lang: 'fr' }))]}
          defaultValue=""
        />
      ))}
      <Field name="displayName" label={t('displayName')} hint={t('displayNameHint')} autoComplete="nickname" required />
      <SelectField
        name="displayMode"
        label={t('displayMode')}
        options={[
          { value: 'pseudonym', label: t('displayModePseudonym') },
          { value: 'name', label: t('displayModeName') },
        ]}
        defaultValue="pseudonym"
      />
      <Field name="contactEmail" type="email" label={t('email')} hint={t('emailHint')} autoComplete="email" inputMode="email" required />
    </ActionForm>
  );
}
