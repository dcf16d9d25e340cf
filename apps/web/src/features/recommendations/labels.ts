import 'server-only';

import type {
  AmendmentProcedure,
  AmendmentState,
  AttendanceStatus,
  PanelHearingKind,
  RecommendationState,
  ReferralSource,
  ReferralState,
  SeatType,
  SessionState,
  VoteChoice,
  VoteOutcome,
} from '@sesame/domain';
import { getLocale, getTranslations } from 'next-intl/server';

/** The names of the recommendations' values, in the reader's language. */
export async function recommendationLabels() {
  const [t, panel, locale] = await Promise.all([getTranslations('RecommendationLabels'), getTranslations('AdvisoryPanelLabels'), getLocale()]);
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  return {
    source: (value: ReferralSource) => t(`source.${value}`),
    referralState: (value: ReferralState) => t(`referralState.${value}`),
    sessionState: (value: SessionState) => t(`sessionState.${value}`),
    attendance: (value: AttendanceStatus) => t(`attendance.${value}`),
    hearingKind: (value: PanelHearingKind) => t(`hearingKind.${value}`),
    state: (value: RecommendationState) => t(`state.${value}`),
    amendmentState: (value: AmendmentState) => t(`amendmentState.${value}`),
    procedure: (value: AmendmentProcedure) => t(`procedure.${value}`),
    choice: (value: VoteChoice) => t(`choice.${value}`),
    outcome: (value: VoteOutcome) => t(`outcome.${value}`),
    seatType: (value: SeatType) => panel(`seatType.${value}`),
    seatTypePlural: (value: SeatType) => panel(`seatTypePlural.${value}`),
    date: (iso: string) => new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(iso)),
    dateTime: (iso: string) => new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(new Date(iso)),
    number: (value: number) => new Intl.NumberFormat(tag).format(value),
    locale,
  };
}

export type RecommendationLabels = Awaited<ReturnType<typeof recommendationLabels>>;

/** The seat types in the order the panel lists them. */
export const SEAT_TYPES: readonly SeatType[] = ['drawn_citizen', 'association', 'expert_voting', 'expert_consultative'];
