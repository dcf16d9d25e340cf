import { z } from 'zod';

export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    checks: z.object({
      database: z.object({ status: z.enum(['up', 'down']), latencyMs: z.number().nullable() }),
    }),
    time: z.iso.datetime(),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof HealthSchema>;
