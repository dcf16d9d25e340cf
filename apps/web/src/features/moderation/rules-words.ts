import 'server-only';

import type { PublishedRules } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { defaultReasons, parisInputValue } from './form-values';
import type { RulesDefaults, RulesWords } from './components/RulesForm';

/** The rules form's words, in the reader's language. */
export async function rulesWords(submit: string): Promise<RulesWords> {
  const [t, form] = [await getTranslations('Moderation.rules'), await getTranslations('Moderation.form')];
  return {
    moderation: t('moderation'),
    moderationPre: t('moderationPre'),
    moderationPost: t('moderationPost'),
    whoMayPost: t('whoMayPost'),
    whoSignedIn: t('whoSignedIn'),
    whoVerified: t('whoVerified'),
    whoNeighbourhoods: t('whoNeighbourhoods'),
    neighbourhoods: t('neighbourhoods'),
    neighbourhoodsHint: t('neighbourhoodsHint'),
    opensAt: t('opensAt'),
    closesAt: t('closesAt'),
    datesHint: t('datesHint'),
    autoHide: t('autoHide'),
    autoHideHint: t('autoHideHint'),
    policy: t('policy'),
    policyHint: t('policyHint'),
    reason: t('reason', { n: '{n}' }),
    code: t('code'),
    codeHint: t('codeHint'),
    description: t('description'),
    changeNote: t('changeNote'),
    changeNoteHint: t('changeNoteHint'),
    submit,
    errorSummary: form('errorSummary'),
  };
}

/** A new space's rules: moderation after publication, anyone signed in, open from tomorrow 9:00 for 30 days, 3 reports, the default policy. */
export function newSpaceDefaults(today: Date): RulesDefaults {
  const opens = new Date(today.getTime() + 86_400_000);
  const closes = new Date(today.getTime() + 31 * 86_400_000);
  const day = (date: Date) => parisInputValue(date.toISOString()).slice(0, 10);
  return {
    moderation: 'post',
    whoMayPost: 'signed_in',
    neighbourhoodIds: [],
    opensAt: `${day(opens)}T09:00`,
    closesAt: `${day(closes)}T18:00`,
    autoHideThreshold: 3,
    reasons: defaultReasons(),
  };
}

/** The rules in force, as the form's starting values. */
export function currentDefaults(rules: PublishedRules): RulesDefaults {
  return {
    moderation: rules.moderation,
    whoMayPost: rules.whoMayPost.who,
    neighbourhoodIds: rules.whoMayPost.who === 'verified_in_neighbourhoods' ? rules.whoMayPost.neighbourhoodIds : [],
    opensAt: parisInputValue(rules.opensAt),
    closesAt: parisInputValue(rules.closesAt),
    autoHideThreshold: rules.autoHideThreshold,
    reasons: rules.moderationPolicy.map((reason) => ({ ...reason })),
  };
}
