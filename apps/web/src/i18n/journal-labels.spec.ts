import { describe, expect, it } from '@jest/globals';
import { AUDIT_ACTIONS, AUDIT_SUBJECT_TYPES, auditActionMessageKey } from '@sesame/domain';

import en from '../../messages/en.json';
import fr from '../../messages/fr.json';

// The public journal shows a sentence for each action, not a code: every
// action the API or the seed can write needs a label in both languages.
describe.each([
  ['fr', fr],
  ['en', en],
])('journal labels (%s)', (_locale, messages) => {
  const actions: Record<string, string> = messages.Journal.actions;
  const subjects: Record<string, string> = messages.Journal.subjectTypes;

  it.each(AUDIT_ACTIONS)('labels the action %s', (action) => {
    expect(actions[auditActionMessageKey(action)]?.trim()).toBeTruthy();
  });

  it.each(AUDIT_SUBJECT_TYPES)('labels the subject type %s', (type) => {
    expect(subjects[type]?.trim()).toBeTruthy();
  });
});
