import type { BallotReceiptDto } from '@sesame/domain';

import type { FormState } from '@/components/forms/form-state';

/**
 * The ballot form's answer: choosing, the summary to confirm, then the
 * receipt — shown once, from the action's answer only: the web server keeps
 * no copy (no cookie, no session, no cache).
 */
export interface BallotState extends FormState {
  step: 'choose' | 'confirm' | 'receipt';
  receipt?: BallotReceiptDto;
}

export const initialBallotState: BallotState = { status: 'idle', step: 'choose' };

/** The answer of a receipt search: in the box (while the vote is open) or its line in the published list (after). */
export interface ReceiptSearchState extends FormState {
  found?: boolean;
  receipt?: string;
  /** After the close: the choices as printed in the published list. */
  choices?: [string, string][];
}
