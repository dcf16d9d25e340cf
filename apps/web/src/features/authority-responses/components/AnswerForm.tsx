'use client';

import { RESPONSE_DECISIONS } from '@sesame/domain/client';

import { ActionForm, Hidden, SelectField, TextAreaField } from '@/components/forms/ActionForm';
import type { FormAction } from '@/components/forms/form-state';

type Props = {
  action: FormAction;
  reference: string;
  texts: {
    decision: string;
    decisions: Record<(typeof RESPONSE_DECISIONS)[number], string>;
    justification: string;
    justificationHint: string;
    commitments: string;
    commitmentsHint: string;
    timeline: string;
    submit: string;
    errorSummary: string;
  };
};

/** The authority's answer to one recommendation: a decision, and the reasons unless it is accepted as is. */
export function AnswerForm({ action, reference, texts }: Props) {
  return (
    <ActionForm
      action={action}
      submitLabel={texts.submit}
      errorSummaryLabel={texts.errorSummary}
      labels={{ decision: texts.decision, justification: texts.justification, commitments: texts.commitments, timeline: texts.timeline }}
    >
      <Hidden name="reference" value={reference} />
      <SelectField name="decision" label={texts.decision} options={RESPONSE_DECISIONS.map((value) => ({ value, label: texts.decisions[value] }))} />
      <TextAreaField name="justification" label={texts.justification} hint={texts.justificationHint} lang="fr" rows={6} />
      <TextAreaField name="commitments" label={texts.commitments} hint={texts.commitmentsHint} lang="fr" rows={4} />
      <TextAreaField name="timeline" label={texts.timeline} lang="fr" rows={2} />
    </ActionForm>
  );
}
