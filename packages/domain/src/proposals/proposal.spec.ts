import { daysLeft, isCollecting, isPublicProposal, proposalTransitionTarget, type ProposalTransition } from './proposal.lifecycle';
import { missingForSubmission, ProposalContentSchema, submissionProblems } from './proposal.schema';
import { PROPOSAL_STATES, type ProposalState } from './proposal.values';

describe('proposal lifecycle', () => {
  // Every (transition, from) pair: the expected target, or null when refused.
  const allowed: Record<ProposalTransition, Partial<Record<ProposalState, ProposalState>>> = {
    submit: { draft: 'submitted' },
    declare_admissible: { submitted: 'admissible' },
    declare_inadmissible: { submitted: 'inadmissible' },
    qualify: { admissible: 'qualified' },
    expire: { admissible: 'expired' },
    select: { qualified: 'selected' },
    not_select: { qualified: 'not_selected' },
    withdraw: { draft: 'withdrawn', submitted: 'withdrawn', admissible: 'withdrawn', qualified: 'withdrawn' },
  };
  for (const [transition, targets] of Object.entries(allowed) as [ProposalTransition, Partial<Record<ProposalState, ProposalState>>][]) {
    for (const from of PROPOSAL_STATES) {
      const to = targets[from] ?? null;
      it(`${transition} from ${from} → ${to ?? 'refused'}`, () => {
        expect(proposalTransitionTarget(transition, from)).toBe(to);
      });
    }
  }

  it('is public once submitted, never as a draft', () => {
    expect(isPublicProposal('draft', false)).toBe(false);
    expect(isPublicProposal('withdrawn', false)).toBe(false);
    expect(isPublicProposal('withdrawn', true)).toBe(true);
    expect(isPublicProposal('submitted', true)).toBe(true);
  });

  it('collects supports only while admissible and before the window closes', () => {
    const now = new Date('2027-03-01T12:00:00Z');
    expect(isCollecting('admissible', new Date('2027-03-02T00:00:00Z'), now)).toBe(true);
    expect(isCollecting('admissible', new Date('2027-03-01T12:00:00Z'), now)).toBe(false);
    expect(isCollecting('qualified', new Date('2027-04-01T00:00:00Z'), now)).toBe(false);
    expect(isCollecting('admissible', null, now)).toBe(false);
    expect(daysLeft(new Date('2027-03-02T13:00:00Z'), now)).toBe(2);
    expect(daysLeft(new Date('2027-02-01T00:00:00Z'), now)).toBe(0);
  });
});

describe('proposal content', () => {
  it('refuses raw HTML and explains the simple formatting instead', () => {
    const result = ProposalContentSchema.safeParse({ body: 'Cliquez <a href="x">ici</a>' });
    expect(result.error?.issues[0]?.message).toMatch(/HTML n’est pas accepté/);
    expect(ProposalContentSchema.safeParse({ body: 'Si a < b et 3 > 2, **gras** et [lien](https://exemple.fr)' }).success).toBe(true);
  });

  it('lists what a draft lacks before submission', () => {
    expect(missingForSubmission(ProposalContentSchema.parse({})).map((m) => m.path)).toEqual(['dataUseReference', 'title', 'body', 'why', 'expectedEffect']);
    expect(missingForSubmission(ProposalContentSchema.parse({ kind: 'register_unlisted' })).map((m) => m.path)).toContain('unlistedDataUse');
    const complete = ProposalContentSchema.parse({
      kind: 'ban',
      dataUseReference: 'DU-2027-001',
      title: 'Interdire la reconnaissance faciale',
      body: 'Retirer le logiciel de reconnaissance faciale des caméras du marché.',
      why: 'Tout le monde est filmé sans le choisir.',
      expectedEffect: 'Aucun visage analysé.',
    });
    expect(missingForSubmission(complete)).toEqual([]);
  });

  it('reports the charter with what is missing, in one list, the charter last', () => {
    const empty = ProposalContentSchema.parse({});
    expect(submissionProblems(empty, false).map((p) => `${p.code} ${p.path}`)).toEqual([
      'missing content.dataUseReference',
      'missing content.title',
      'missing content.body',
      'missing content.why',
      'missing content.expectedEffect',
      'charter charterAccepted',
    ]);
    expect(submissionProblems(empty, true)).toHaveLength(5);
  });
});
