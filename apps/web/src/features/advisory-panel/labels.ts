import 'server-only';

import type { CallState, DrawKind, DrawState, MemberState, SeatType, WitnessKind } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

/** The panel's names for its seat types, states and kinds, in the reader's language. */
export async function panelLabels() {
  const t = await getTranslations('AdvisoryPanelLabels');
  return {
    seatType: (type: SeatType) => t(`seatType.${type}`),
    seatTypePlural: (type: SeatType) => t(`seatTypePlural.${type}`),
    memberState: (state: MemberState) => t(`memberState.${state}`),
    callState: (state: CallState) => t(`callState.${state}`),
    drawState: (state: DrawState) => t(`drawState.${state}`),
    drawKind: (kind: DrawKind) => t(`drawKind.${kind}`),
    witnessKind: (kind: WitnessKind) => t(`witnessKind.${kind}`),
  };
}

export type PanelLabels = Awaited<ReturnType<typeof panelLabels>>;

/** A probability as a percentage, « 10,0 % » / "10.0%". */
export function percent(value: number, locale: string, digits = 1): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A number in the reader's style (« 1 000 » / "1,000"). */
export function count(value: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB').format(value);
}
