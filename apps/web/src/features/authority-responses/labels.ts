import 'server-only';

import { getTranslations } from 'next-intl/server';

/** The answer form's words, in the reader's language (the work area and the tracking page both show the form). */
export async function answerFormTexts() {
  const t = await getTranslations('AuthorityResponses.workspace');
  return {
    decision: t('decision'),
    decisions: { accepted: t('decisions.accepted'), partially_accepted: t('decisions.partially_accepted'), rejected: t('decisions.rejected'), deferred: t('decisions.deferred') },
    justification: t('justification'),
    justificationHint: t('justificationHint'),
    commitments: t('commitments'),
    commitmentsHint: t('commitmentsHint'),
    timeline: t('timeline'),
    submit: t('submit'),
    errorSummary: t('errorSummary'),
  };
}
