/**
 * Every PostgreSQL advisory lock the platform takes, in one table, so that two
 * mechanisms never share an id by accident (advisory-locks.spec.ts checks the
 * ids are distinct). The numbers themselves mean nothing; they are the ones
 * running instances already take, so keep them and add new ones after.
 * Take a lock with `takeTransactionLock` (advisory-locks.repository.ts).
 */
export const ADVISORY_LOCKS = {
  /** Audit log appends: seq has no gaps and each entry chains to the true previous one. */
  auditAppend: 7_362_001,
  /** The demo seed: two `npm start` at once seed once. */
  seed: 7_362_002,
  /** Yearly numbering of the register of data uses (DU-2027-001…). */
  dataUseReferences: 7_362_003,
  /** Yearly numbering of proposals (PR-2027-001…). */
  proposalReferences: 7_362_004,
  /** Planning the recurring jobs' next runs at start-up: instances starting together plan each once. */
  recurringJobPlanning: 7_362_005,
  /** Yearly numbering of the advisory panel's draws (TS-2027-001…). */
  panelDrawReferences: 7_362_006,
  /** Yearly numbering of calls for volunteers (AV-2027-001…). */
  panelCallReferences: 7_362_007,
  /** One opinion map recompute per space at a time, on any instance (two-key form: this id and the space's; tryTransactionLockOn). */
  opinionMapRecompute: 7_362_008,
  /** Yearly numbering of consultations (CO-2027-001…). */
  consultationReferences: 7_362_009,
  /** Yearly numbering of referrals to the panel (SA-2027-001…). */
  referralReferences: 7_362_010,
  /** Yearly numbering of recommendations (RC-2027-001…). */
  recommendationReferences: 7_362_011,
  /** Yearly numbering of published opinions (« AVIS n° 2027-003 »): taken at publication, no gaps. */
  opinionNumbers: 7_362_012,
} as const;

export type AdvisoryLock = keyof typeof ADVISORY_LOCKS;
