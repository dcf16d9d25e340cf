import { z } from 'zod';

const count = z.int().min(0);

/**
 * GET /work-queues: what waits for the organizers, area by area. An area is
 * null for someone its feature's policy keeps out of it (WORK_AREAS).
 */
export const WorkQueuesSchema = z
  .object({
    proposals: z
      .object({
        /** Submitted, waiting to be declared admissible or not. */
        toReview: count,
        /** Reached their support threshold, waiting to be selected for a consultation or not. */
        toDecide: count,
      })
      .nullable(),
    register: z
      .object({
        /** Published, in force, past their review date. */
        reviewOverdue: count,
        /** Published, in force, past their sunset date. */
        sunsetPassed: count,
        /** Not published yet. */
        drafts: count,
      })
      .nullable(),
    verification: z
      .object({
        /** Accounts not verified as residents yet. */
        unverifiedPeople: count,
        /** Invitation codes printed, neither used nor revoked. */
        unusedCodes: count,
      })
      .nullable(),
  })
  .meta({ id: 'WorkQueues' });
export type WorkQueues = z.infer<typeof WorkQueuesSchema>;
