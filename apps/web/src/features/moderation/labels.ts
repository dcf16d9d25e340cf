import 'server-only';

import { decisionName, STANCES, type StatementOfReasons } from '@sesame/domain';
import { getLocale, getTranslations } from 'next-intl/server';

import { resolveLocale } from '@/i18n/config';

/** How the moderation pages name decisions, grounds, stances and reasons, in the reader's language. */
export async function moderationLabels() {
  const locale = resolveLocale(await getLocale());
  const t = await getTranslations('Moderation.labels');
  /** A reason of a policy: the space's own description (French, what the organizers wrote) when known. */
  const reason = (code: string, policy?: readonly { code: string; description: string }[]) => {
    const own = policy?.find((r) => r.code === code)?.description;
    if (own) return { text: own, lang: 'fr' as const };
    return t.has(`reasons.${code}` as never) ? { text: t(`reasons.${code}` as never), lang: undefined } : { text: code, lang: 'fr' as const };
  };
  return {
    locale,
    decision: (decision: string) => decisionName(decision, locale),
    stance: (stance: string) => (t.has(`stances.${stance}` as never) ? t(`stances.${stance}` as never) : stance),
    stanceOptions: () => STANCES.map((value) => ({ value, label: t(`stances.${value}` as never) })),
    reason,
    /** The ground of a statement: « Motif : … » or « Loi : … ». */
    ground: (statement: Pick<StatementOfReasons, 'ground'>, policy?: readonly { code: string; description: string }[]) => {
      if (!statement.ground) return null;
      if (statement.ground.kind === 'law') return { label: t('groundLaw'), text: statement.ground.law, lang: 'fr' as const };
      const found = reason(statement.ground.code, policy);
      return { label: t('groundPolicy'), ...found };
    },
    outcome: (outcome: string | null) => (outcome === 'upheld' ? t('appealUpheld') : outcome === 'reversed' ? t('appealReversed') : t('appealPending')),
  };
}
export type ModerationLabels = Awaited<ReturnType<typeof moderationLabels>>;
