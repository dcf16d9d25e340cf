import type { Feasibility } from '@sesame/domain';

import type { FormState } from '@/components/forms/form-state';

import type { CsvLineError } from './form-values';

/** The invitation letters' codes, shown once after they are made. */
export interface InvitationsState extends FormState {
  codes?: string[];
  call?: string;
}

/** A refused pool file: every problem with its line. */
export interface ImportState extends FormState {
  lines?: CsvLineError[];
}

/** Quotas refused as infeasible: the report naming each value that cannot be met. */
export interface QuotasState extends FormState {
  feasibility?: Feasibility;
}
