import { type PipeTransform } from '@nestjs/common';
import { fieldErrorsFromZod, plainFrenchIssue } from '@sesame/domain';
import type { z } from 'zod';
import { ProblemException } from './problem.exception';

/**
 * Parses a body, query or params with a domain schema: `@Query(new ZodPipe(PageQuerySchema))`.
 * Failure is a 400 problem with every error at once, one per field problem,
 * worded in plain French where the schema does not word it itself.
 */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    const result = this.schema.safeParse(value, { error: plainFrenchIssue });
    if (!result.success) throw ProblemException.validation(fieldErrorsFromZod(result.error));
    return result.data;
  }
}
