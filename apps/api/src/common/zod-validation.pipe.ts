import { type PipeTransform } from '@nestjs/common';
import { fieldErrorsFromZod } from '@sesame/domain';
import type { z } from 'zod';
import { ProblemException } from './problem.exception';

/**
 * Parses a body, query or params with a domain schema: `@Query(new ZodPipe(PageQuerySchema))`.
 * Failure is a 400 problem with one error per field.
 */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    const result = this.schema.safeParse(value);
    if (!result.success) throw ProblemException.validation(fieldErrorsFromZod(result.error));
    return result.data;
  }
}
