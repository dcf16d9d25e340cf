import { AnswerInputSchema } from './authority-responses.schema';
import { addMonths, answerWindowClosesAt, daysBeforeDue, daysOverdue, nextProgressReport, progressReportDueAt, reviewDueAt } from './authority-responses.values';

const at = (iso: string) => new Date(iso);

describe('deadlines', () => {
  it('counts whole days overdue, none before the due date', () => {
    const due = at('2027-03-11T09:00:00Z');
    expect(daysOverdue(due, at('2027-03-10T09:00:00Z'))).toBe(0);
    expect(daysOverdue(due, at('2027-03-11T09:00:00Z'))).toBe(0);
    expect(daysOverdue(due, at('2027-03-12T08:59:59Z'))).toBe(0);
    expect(daysOverdue(due, at('2027-03-12T09:00:00Z'))).toBe(1);
    expect(daysOverdue(due, at('2027-04-10T09:00:00Z'))).toBe(30);
    expect(daysBeforeDue(due, at('2027-03-10T09:00:00Z'))).toBe(1);
    expect(daysBeforeDue(due, at('2027-03-10T09:00:01Z'))).toBe(1);
    expect(daysBeforeDue(due, at('2027-03-12T09:00:00Z'))).toBe(0);
  });

  it('adds calendar months, keeping to the month’s last day', () => {
    expect(addMonths(at('2027-01-31T10:00:00Z'), 1).toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(addMonths(at('2028-01-31T10:00:00Z'), 1).toISOString()).toBe('2028-02-29T10:00:00.000Z');
    expect(addMonths(at('2027-11-15T00:00:00Z'), 3).toISOString()).toBe('2028-02-15T00:00:00.000Z');
  });

  it('expects progress reports 3 months after the response, then every 6 months', () => {
    const responded = at('2027-02-01T12:00:00Z');
    expect([0, 1, 2].map((i) => progressReportDueAt(responded, i).toISOString().slice(0, 10))).toEqual(['2027-05-01', '2027-11-01', '2028-05-01']);
    expect(nextProgressReport(responded, 0, at('2027-04-30T00:00:00Z'))).toMatchObject({ number: 1, overdue: false, daysOverdue: 0 });
    expect(nextProgressReport(responded, 0, at('2027-05-11T12:00:00Z'))).toMatchObject({ number: 1, overdue: true, daysOverdue: 10 });
    expect(nextProgressReport(responded, 1, at('2027-05-11T12:00:00Z'))).toMatchObject({ number: 2, overdue: false });
    expect(reviewDueAt(responded).toISOString()).toBe('2028-02-01T12:00:00.000Z');
    expect(answerWindowClosesAt(at('2027-01-10T09:00:00Z')).toISOString()).toBe('2028-01-10T09:00:00.000Z');
  });
});

describe('the answer', () => {
  const issues = (input: object) => {
    const parsed = AnswerInputSchema.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
  };

  it('needs a justification unless accepted (comply or explain), and commitments for a partial acceptance', () => {
    expect(issues({ decision: 'accepted' })).toEqual([]);
    expect(issues({ decision: 'rejected' })).toEqual(['justification']);
    expect(issues({ decision: 'deferred', justification: '   ' })).toEqual(['justification']);
    expect(issues({ decision: 'partially_accepted' })).toEqual(['justification', 'commitments']);
    expect(issues({ decision: 'partially_accepted', justification: 'Le budget 2027 ne couvre que le marché.', commitments: 'Retrait au marché.' })).toEqual([]);
    expect(issues({ decision: 'rejected', justification: '<b>non</b>' })).toEqual(['justification']);
    expect(issues({ decision: 'refused', justification: 'x' })).toEqual(['decision']);
  });
});
