/**
 * How the proposal forms word the API's refusals (see
 * components/forms/problem-wording.ts): errors land on the editor's inputs,
 * and what is missing to submit is said from the catalogue (`ProposalForms`),
 * in the reader's language. Pure.
 */
import type { ProposalContent } from '@sesame/domain';
import { missingForSubmission } from '@sesame/domain';

import type { ProblemWording, Translate } from '@/components/forms/problem-wording';

import { editorFieldOf, type EditorField } from './content';

/** The name of the charter box on the preview (also the API's error path). */
export const CHARTER_FIELD = 'charterAccepted';

/** `t`: the `ProposalForms` namespace. */
export function proposalWording(t: Translate): ProblemWording {
  return {
    field: (path) => (path === CHARTER_FIELD ? CHARTER_FIELD : editorFieldOf(path)),
    message: (error) => {
      if (error.code === 'charter') return t('charter');
      const field = editorFieldOf(error.path);
      return error.code === 'missing' && field && t.has(`missing.${field}`) ? t(`missing.${field}`) : undefined;
    },
  };
}

/** What a content lacks before it can be submitted, by editor input, worded from the catalogue. */
export function missingByField(content: ProposalContent, t: Translate): Partial<Record<EditorField, string>> {
  const byField: Partial<Record<EditorField, string>> = {};
  for (const missing of missingForSubmission(content)) {
    const field = editorFieldOf(missing.path);
    if (field) byField[field] = t.has(`missing.${field}`) ? t(`missing.${field}`) : missing.message;
  }
  return byField;
}
