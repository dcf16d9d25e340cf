import { z } from 'zod';

import { DataUseContentSchema } from '../data-uses/data-use.schema';
import { ProposalContentSchema } from '../proposals/proposal.schema';
import { fieldErrorsFromZod, plainFrenchIssue } from './problem.schema';

const errorsOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value, { error: plainFrenchIssue });
  if (result.success) throw new Error('expected a refusal');
  return fieldErrorsFromZod(result.error);
};

describe('field errors from zod', () => {
  it('reports every problem at once, with what a client needs to word it: code, limit, format', () => {
    const errors = errorsOf(DataUseContentSchema, {
      title: '',
      tags: ['x'.repeat(41)],
      accountability: { contactEmail: 'pas-une-adresse', authorisingAct: { link: 'ftp://x' } },
      lifecycle: { reviewDate: '2300-01-01' },
      colour: 'rouge',
    });
    expect(errors.map(({ path, code }) => `${code} ${path}`)).toEqual([
      'too_small title',
      'too_big tags.0',
      'email accountability.contactEmail',
      'invalid_format accountability.authorisingAct.link',
      'date_range lifecycle.reviewDate',
      'unrecognized_keys ',
    ]);
    expect(errors[1]).toMatchObject({ limit: 40, origin: 'string', message: 'Au plus 40 caractères.' });
    expect(errors[3]).toMatchObject({ format: 'url' });
  });

  it('names a refinement’s reason as the code', () => {
    expect(errorsOf(ProposalContentSchema, { body: 'Voir <b>ceci</b>' })).toEqual([expect.objectContaining({ path: 'body', code: 'html' })]);
  });

  it('words zod’s own issues in plain French, a schema’s own message first', () => {
    const schema = z.object({ count: z.int().min(0), tags: z.array(z.string()).max(2), name: z.string().min(1, { error: 'Nommez-le.' }), kind: z.enum(['a', 'b']), when: z.iso.date() }).strict();
    const messages = errorsOf(schema, { count: 'douze', tags: ['a', 'b', 'c'], name: '', kind: 'z', when: '30/06/2027', extra: 1 }).map((error) => error.message);
    expect(messages).toEqual([
      'Écrivez un nombre, en chiffres.',
      'Au plus 2 éléments.',
      'Nommez-le.',
      'Choisissez une des valeurs proposées.',
      'Écrivez une date au format AAAA-MM-JJ.',
      'Champ inconnu : extra. Retirez-le.',
    ]);
    expect(errorsOf(z.object({ a: z.string() }), {})[0]!.message).toBe('Ce champ est obligatoire.');
  });
});
