import fc from 'fast-check';
import { ballotChoicesChecker, ballotChoicesSchema, VotingRulesSchema, type PaperTotals, type VotingRules } from './rules';
import { countBallots, tallyBallots, tallyCounts, TallyError, type ApprovalTally, type MajorityJudgmentTally, type SingleChoiceTally, type YesNoAbstainTally } from './tally';

const record = { place: 'Mairie annexe, 2 rue Haute', countedAt: '2027-03-14T19:30:00+01:00', officers: ['Assesseur A', 'Assesseur B'] };
const ballots = (...choices: unknown[]) => choices.map((c, i) => ({ receipt: `R${String(i).padStart(3, '0')}`, choices: c }));

describe('ballot choices schema', () => {
  const mj: VotingRules = { method: 'majority_judgment', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] };

  it('accepts the agreed shapes and rejects the others', () => {
    expect(ballotChoicesSchema({ method: 'yes_no_abstain' }).safeParse({ answer: 'abstain' }).success).toBe(true);
    expect(ballotChoicesSchema({ method: 'yes_no_abstain' }).safeParse({ answer: 'maybe' }).success).toBe(false);
    const single: VotingRules = { method: 'single_choice', options: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }] };
    expect(ballotChoicesSchema(single).safeParse({ option: 'x' }).success).toBe(true);
    expect(ballotChoicesSchema(single).safeParse({ option: 'z' }).success).toBe(false);
    expect(ballotChoicesSchema(single).safeParse({ option: 'x', extra: 1 }).success).toBe(false);
    const approval: VotingRules = { ...single, method: 'approval' };
    expect(ballotChoicesSchema(approval).safeParse({ options: [] }).success).toBe(true);
    expect(ballotChoicesSchema(approval).safeParse({ options: ['x', 'y'] }).success).toBe(true);
    expect(ballotChoicesSchema(approval).safeParse({ options: ['x', 'x'] }).success).toBe(false);
    expect(ballotChoicesSchema(mj).safeParse({ grades: { a: 0, b: 5 } }).success).toBe(true);
    expect(ballotChoicesSchema(mj).safeParse({ grades: { a: 0 } }).success).toBe(false);
    expect(ballotChoicesSchema(mj).safeParse({ grades: { a: 0, b: 6 } }).success).toBe(false);
    expect(ballotChoicesSchema(mj).safeParse({ grades: { a: 0, b: 1.5 } }).success).toBe(false);
    expect(ballotChoicesSchema({ ...mj, grades: ['Pour', 'Contre'] }).safeParse({ grades: { a: 0, b: 2 } }).success).toBe(false);
  });

  it('validates the rules', () => {
    expect(VotingRulesSchema.safeParse({ method: 'single_choice', options: [{ id: 'x', label: 'X' }, { id: 'x', label: 'Y' }] }).success).toBe(false);
    expect(VotingRulesSchema.safeParse({ method: 'yes_no_abstain', options: [{ id: 'x', label: 'X' }] }).success).toBe(false);
    expect(VotingRulesSchema.safeParse({ method: 'approval', options: [{ id: 'x', label: 'X' }], grades: ['a', 'b'] }).success).toBe(false);
    expect(VotingRulesSchema.safeParse({ method: 'majority_judgment', options: [{ id: 'x', label: 'X' }] }).success).toBe(true);
  });
});

describe('tallyBallots', () => {
  it('yes / no / abstain: abstentions are counted apart from expressed votes; online and paper shown', () => {
    const paper: PaperTotals = { ...record, station: 'Bureau 1', method: 'yes_no_abstain', counts: { yes: 10, no: 3, abstain: 2 } };
    const result = tallyBallots({ method: 'yes_no_abstain' }, ballots({ answer: 'yes' }, { answer: 'no' }, { answer: 'no' }, { answer: 'abstain' }), [paper]) as YesNoAbstainTally;
    expect(result.yes).toEqual({ online: 1, paper: 10, total: 11 });
    expect(result.no).toEqual({ online: 2, paper: 3, total: 5 });
    expect(result.abstain).toEqual({ online: 1, paper: 2, total: 3 });
    expect(result.expressed).toEqual({ online: 3, paper: 13, total: 16 });
    expect(result.ballots).toEqual({ online: 4, paper: 15, total: 19 });
    expect(result.yesPercentOfExpressed).toBe('68.8');
    expect(result.outcome).toBe('yes');
    expect(result.paperStations).toEqual([{ station: 'Bureau 1', ...record }]);
    expect((tallyBallots({ method: 'yes_no_abstain' }, ballots({ answer: 'yes' }, { answer: 'no' })) as YesNoAbstainTally).outcome).toBe('tie');
    expect((tallyBallots({ method: 'yes_no_abstain' }, []) as YesNoAbstainTally).outcome).toBe('none');
  });

  it('single choice: ranks by votes, ties share the rank, paper blanks are counted apart', () => {
    const rules: VotingRules = { method: 'single_choice', options: [{ id: 'x', label: 'Option X' }, { id: 'y', label: 'Option Y' }, { id: 'z', label: 'Option Z' }] };
    const paper: PaperTotals = { ...record, station: 'Bureau 2', method: 'single_choice', counts: { options: { x: 1, y: 2, z: 0 }, blank: 4 } };
    const result = tallyBallots(rules, ballots({ option: 'x' }, { option: 'x' }, { option: 'y' }, { option: 'z' }), [paper]) as SingleChoiceTally;
    expect(result.ranking).toEqual([['x', 'y'], ['z']]);
    expect(result.winners).toEqual(['x', 'y']);
    expect(result.options.map((o) => [o.id, o.rank, o.votes.total, o.percentOfExpressed])).toEqual([
      ['x', 1, 3, '42.9'],
      ['y', 1, 3, '42.9'],
      ['z', 3, 1, '14.3'],
    ]);
    expect(result.blank).toEqual({ online: 0, paper: 4, total: 4 });
    expect(result.ballots).toEqual({ online: 4, paper: 7, total: 11 });
  });

  it('approval: counts approvals per option over all ballots, empty ballots included', () => {
    const rules: VotingRules = { method: 'approval', options: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }] };
    const paper: PaperTotals = { ...record, station: 'Bureau 3', method: 'approval', counts: { options: { x: 2, y: 5 }, ballots: 6 } };
    const result = tallyBallots(rules, ballots({ options: ['x', 'y'] }, { options: ['x'] }, { options: [] }), [paper]) as ApprovalTally;
    expect(result.ballots).toEqual({ online: 3, paper: 6, total: 9 });
    expect(result.options.map((o) => [o.id, o.approvals, o.percentOfBallots])).toEqual([
      ['y', { online: 1, paper: 5, total: 6 }, '66.7'],
      ['x', { online: 2, paper: 2, total: 4 }, '44.4'],
    ]);
    expect(result.winners).toEqual(['y']);
  });

  it('majority judgment: profiles best first, online and paper combined, ranking and the explanation in French and English', () => {
    const rules: VotingRules = { method: 'majority_judgment', options: [{ id: 'parc', label: 'Capteurs au parc' }, { id: 'gare', label: 'Caméras à la gare' }] };
    // Grades best first: 0 Excellent … 5 À rejeter.
    const online = ballots({ grades: { parc: 1, gare: 5 } }, { grades: { parc: 2, gare: 4 } }, { grades: { parc: 3, gare: 2 } });
    const paper: PaperTotals = { ...record, station: 'Bureau 4', method: 'majority_judgment', counts: { options: { parc: [0, 0, 1, 0, 1, 0], gare: [1, 0, 0, 0, 0, 1] } } };
    const result = tallyBallots(rules, online, [paper]) as MajorityJudgmentTally;
    expect(result.grades[0]).toBe('Excellent');
    expect(result.ballots).toEqual({ online: 3, paper: 2, total: 5 });
    const parc = result.options.find((o) => o.id === 'parc')!;
    expect(parc.profile).toEqual({ online: [0, 1, 1, 1, 0, 0], paper: [0, 0, 1, 0, 1, 0], total: [0, 1, 2, 1, 1, 0] });
    // parc: Très bien, Bien, Bien, Assez bien, Passable → median (3rd) Bien; 1 above, 2 below → Bien−.
    expect(parc).toMatchObject({ rank: 1, majorityGrade: 2, majorityGradeLabel: 'Bien', sign: '-', p: '20.0', q: '40.0' });
    // gare: Excellent, Bien, Passable, À rejeter, À rejeter → median Passable; 2 above, 2 below → Passable−.
    expect(result.options[1]).toMatchObject({ id: 'gare', rank: 2, majorityGradeLabel: 'Passable', sign: '-' });
    expect(result.winners).toEqual(['parc']);
    // Plain words (review M9): no « p », « q » nor « Bien− »; no-break spaces inside « » and before %.
    const plain = (text: string) => text.replaceAll('\u00a0', ' ');
    expect(plain(result.sentences.fr[0]!)).toBe(
      '« Capteurs au parc » obtient la mention majoritaire « Bien » : au moins la moitié des votants lui donne « Bien » ou mieux, et au moins la moitié « Bien » ou moins bien. Les votants qui la jugent moins bien que « Bien » (40,0 %) sont au moins aussi nombreux que ceux qui la jugent mieux (20,0 %) : elle a donc « Bien » de justesse.',
    );
    expect(result.sentences.fr[0]).toContain('«\u00a0Bien\u00a0»');
    expect(result.sentences.fr[0]).toContain('40,0\u00a0%');
    expect(result.sentences.en[0]).toBe('“Capteurs au parc” gets the majority grade “Bien”: at least half of the voters give it “Bien” or better, and at least half “Bien” or worse. The voters who rate it worse than “Bien” (40.0%) are at least as many as those who rate it better (20.0%): it only just gets “Bien”.');
    for (const sentence of [...result.sentences.fr, ...result.sentences.en]) expect(sentence).not.toMatch(/\(p\)|\(q\)|départagée|decided by|Bien−/);
    expect(plain(result.sentences.fr[2]!)).toBe('« Capteurs au parc » devance « Caméras à la gare » : sa mention majoritaire « Bien » est meilleure que « Passable ».');
    expect(result.sentences.en[2]).toBe('“Capteurs au parc” ranks above “Caméras à la gare”: its majority grade “Bien” is better than “Passable”.');
    expect(result.explanation.duels).toEqual([{ better: 'parc', worse: 'gare', decidedBy: 'majority-grade' }]);
  });

  it('majority judgment on another scale, with a tie that is broken and one that is not', () => {
    const rules: VotingRules = { method: 'majority_judgment', grades: ['Pour', 'Neutre', 'Contre'], options: ['a', 'b', 'c'].map((id) => ({ id, label: id.toUpperCase() })) };
    const result = tallyCounts(rules, { method: 'majority_judgment', counts: { options: { a: [1, 2, 1], b: [1, 2, 1], c: [2, 1, 1] } } }) as MajorityJudgmentTally;
    expect(result.ranking).toEqual([['c'], ['a', 'b']]);
    expect(result.options.map((o) => o.rank)).toEqual([1, 2, 2]);
    expect(result.sentences.fr.at(-1)!.replaceAll('\u00a0', ' ')).toBe('« A » et « B » ont reçu exactement les mêmes évaluations : ils sont ex æquo.');
  });

  it('rejects invalid ballots and paper totals that do not fit the rules', () => {
    const rules: VotingRules = { method: 'single_choice', options: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }] };
    expect(() => tallyBallots(rules, ballots({ option: 'x' }, { option: 'nope' }))).toThrow(new TallyError('ballot R001: unknown option'));
    const wrongMethod: PaperTotals = { ...record, station: 'B', method: 'yes_no_abstain', counts: { yes: 1, no: 0, abstain: 0 } };
    expect(() => tallyBallots(rules, [], [wrongMethod])).toThrow(TallyError);
    const missingOption: PaperTotals = { ...record, station: 'B', method: 'single_choice', counts: { options: { x: 1 }, blank: 0 } };
    expect(() => tallyBallots(rules, [], [missingOption])).toThrow(/one count per option/);
    const mj: VotingRules = { method: 'majority_judgment', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] };
    const uneven: PaperTotals = { ...record, station: 'B', method: 'majority_judgment', counts: { options: { a: [1, 0, 0, 0, 0, 0], b: [0, 0, 0, 0, 0, 0] } } };
    expect(() => tallyBallots(mj, [], [uneven])).toThrow(/every option must be graded/);
  });

  it('countBallots gives what tallyCounts takes (the API counts with GROUP BY instead)', () => {
    const rules: VotingRules = { method: 'approval', options: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }] };
    const list = ballots({ options: ['x'] }, { options: ['x', 'y'] });
    expect(countBallots(rules, list)).toEqual({ method: 'approval', counts: { options: { x: 2, y: 1 }, ballots: 2 } });
    expect(tallyCounts(rules, countBallots(rules, list))).toEqual(tallyBallots(rules, list));
  });
});

describe('ballotChoicesChecker', () => {
  it('accepts exactly what ballotChoicesSchema accepts', () => {
    const options = [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: '10', label: 'C' }];
    const all: VotingRules[] = [{ method: 'yes_no_abstain' }, { method: 'single_choice', options }, { method: 'approval', options }, { method: 'majority_judgment', options }, { method: 'majority_judgment', options, grades: ['Pour', 'Neutre', 'Contre'] }];
    const id = fc.constantFrom('a', 'b', '10', 'x', '');
    const choices = fc.oneof(
      fc.record({ answer: fc.constantFrom('yes', 'no', 'abstain', 'maybe', 1) }),
      fc.record({ option: fc.oneof(id, fc.integer()) }),
      fc.record({ options: fc.array(fc.oneof(id, fc.integer()), { maxLength: 4 }) }),
      fc.record({ grades: fc.dictionary(id, fc.oneof(fc.integer({ min: -1, max: 6 }), fc.double(), fc.string()), { maxKeys: 4 }) }),
      fc.record({ answer: fc.constant('yes'), extra: fc.constant(1) }),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.constantFrom(...all), choices, (rules, c) => {
        expect(ballotChoicesChecker(rules)(c) === null).toBe(ballotChoicesSchema(rules).safeParse(c).success);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('majority judgment explanation of a tie-break', () => {
  it('says how many majority grades were removed before the two options part', () => {
    // Same gauge (Bien+, P = 2 of 5); they part at the 5th majority grade: Très bien against Excellent.
    const rules: VotingRules = { method: 'majority_judgment', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] };
    const result = tallyCounts(rules, { method: 'majority_judgment', counts: { options: { a: [0, 2, 2, 1, 0, 0], b: [1, 1, 2, 1, 0, 0] } } }) as MajorityJudgmentTally;
    expect(result.winners).toEqual(['b']);
    expect(result.explanation.duels).toEqual([{ better: 'b', worse: 'a', decidedBy: 'tie-break', removed: '4', betterGradeLabel: 'Excellent', worseGradeLabel: 'Très bien' }]);
    expect(result.sentences.fr.at(-1)!.replaceAll('\u00a0', ' ')).toBe(
      '« B » et « A » ont la même mention, avec autant de votants au-dessus et au-dessous. On retire alors de chacun, une à une, sa mention majoritaire et on recommence : après 4 retraits où elles restent égales, la mention majoritaire de « B » est « Excellent », meilleure que « Très bien » pour « A ».',
    );
  });
});
