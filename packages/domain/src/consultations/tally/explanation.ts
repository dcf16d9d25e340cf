import { exactPercent, type MajorityJudgmentDuel, type MajorityJudgmentResult } from './majority-judgment';

/**
 * What a results page needs to explain a majority judgment in plain words:
 * per option its majority grade, the shares above (p) and below (q), which side
 * decides; per consecutive pair, why the first ranks above the second.
 * Grades are given BEST FIRST here (index 0 = « Excellent »), as on the ballot.
 */
export interface MajorityJudgmentExplanation {
  /** The scale, best first. */
  grades: string[];
  total: string;
  options: {
    id: string;
    label: string;
    rank: number;
    /** Best-first index and label of the majority grade. */
    majorityGrade: number;
    majorityGradeLabel: string;
    /** « + » when more ballots are above the majority grade than below, « − » otherwise. */
    sign: '+' | '-';
    /** Ballots above / below the majority grade (decimal strings: exact) and their shares as percentages. */
    above: string;
    below: string;
    p: string;
    q: string;
    /** The side that decides a tie at the same grade: above (p) for +, below (q) for −. */
    decidingSide: 'above' | 'below';
    /** Counts per grade, best first, as compared (after completing missing grades). */
    profile: string[];
  }[];
  duels: (Omit<MajorityJudgmentDuel, 'removed' | 'betterGrade' | 'worseGrade'> & { removed?: string; betterGradeLabel?: string; worseGradeLabel?: string })[];
}

/** `labels` and `grades` (best first) → the explanation; option labels default to the ids. */
export function majorityJudgmentExplanation(result: MajorityJudgmentResult, grades: readonly string[], labels: Record<string, string> = {}): MajorityJudgmentExplanation {
  if (grades.length !== result.gradeCount) throw new RangeError(`${grades.length} grade labels for ${result.gradeCount} grades`);
  const best = (worstFirst: number) => result.gradeCount - 1 - worstFirst;
  return {
    grades: [...grades],
    total: result.total.toString(),
    options: result.options.map((o) => ({
      id: o.id,
      label: labels[o.id] ?? o.id,
      rank: o.rank,
      majorityGrade: best(o.gauge.grade),
      majorityGradeLabel: grades[best(o.gauge.grade)]!,
      sign: o.gauge.sign,
      above: o.gauge.above.toString(),
      below: o.gauge.below.toString(),
      p: exactPercent(o.gauge.above, o.gauge.total),
      q: exactPercent(o.gauge.below, o.gauge.total),
      decidingSide: o.gauge.sign === '+' ? 'above' : 'below',
      profile: [...o.profile].reverse().map(String),
    })),
    duels: result.duels.map((d) => ({
      better: d.better,
      worse: d.worse,
      decidedBy: d.decidedBy,
      ...(d.removed !== undefined ? { removed: d.removed.toString(), betterGradeLabel: grades[best(d.betterGrade!)]!, worseGradeLabel: grades[best(d.worseGrade!)]! } : {}),
    })),
  };
}

const NBSP = '\u00a0';
const pct = (value: string, locale: 'fr' | 'en') => (locale === 'fr' ? `${value.replace('.', ',')}${NBSP}%` : `${value}%`);
/** French guillemets hold their text with no-break spaces, so that they never end or start a line alone. */
const quote = (text: string, locale: 'fr' | 'en') => (locale === 'fr' ? `«${NBSP}${text}${NBSP}»` : `“${text}”`);

/**
 * The explanation as sentences, in French (default) or English, in plain
 * words (review M9: no « p », « q », « Très bien− »): the majority grade, then
 * whether it is held with room to spare (more voters above it than below) or
 * only just, then why each option ranks above the next.
 */
export function explainMajorityJudgment(explanation: MajorityJudgmentExplanation, locale: 'fr' | 'en' = 'fr'): string[] {
  const byId = new Map(explanation.options.map((o) => [o.id, o]));
  const sentences: string[] = [];
  const fr = locale === 'fr';
  for (const o of explanation.options) {
    const grade = quote(o.majorityGradeLabel, locale);
    const name = quote(o.label, locale);
    if (fr) {
      sentences.push(
        `${name} obtient la mention majoritaire ${grade} : au moins la moitié des votants lui donne ${grade} ou mieux, et au moins la moitié ${grade} ou moins bien. ` +
          (o.sign === '+'
            ? `Les votants qui la jugent mieux que ${grade} (${pct(o.p, locale)}) sont plus nombreux que ceux qui la jugent moins bien (${pct(o.q, locale)}) : elle a donc ${grade} avec de la marge.`
            : `Les votants qui la jugent moins bien que ${grade} (${pct(o.q, locale)}) sont au moins aussi nombreux que ceux qui la jugent mieux (${pct(o.p, locale)}) : elle a donc ${grade} de justesse.`),
      );
    } else {
      sentences.push(
        `${name} gets the majority grade ${grade}: at least half of the voters give it ${grade} or better, and at least half ${grade} or worse. ` +
          (o.sign === '+'
            ? `The voters who rate it better than ${grade} (${pct(o.p, locale)}) outnumber those who rate it worse (${pct(o.q, locale)}): it gets ${grade} with room to spare.`
            : `The voters who rate it worse than ${grade} (${pct(o.q, locale)}) are at least as many as those who rate it better (${pct(o.p, locale)}): it only just gets ${grade}.`),
      );
    }
  }
  for (const d of explanation.duels) {
    const a = byId.get(d.better)!;
    const b = byId.get(d.worse)!;
    const A = quote(a.label, locale);
    const B = quote(b.label, locale);
    switch (d.decidedBy) {
      case 'majority-grade':
        sentences.push(fr ? `${A} devance ${B} : sa mention majoritaire ${quote(a.majorityGradeLabel, locale)} est meilleure que ${quote(b.majorityGradeLabel, locale)}.` : `${A} ranks above ${B}: its majority grade ${quote(a.majorityGradeLabel, locale)} is better than ${quote(b.majorityGradeLabel, locale)}.`);
        break;
      case 'gauge-sign':
        sentences.push(
          fr
            ? `${A} devance ${B} : même mention ${quote(a.majorityGradeLabel, locale)}, mais pour ${A} les votants qui l’évaluent mieux (${pct(a.p, locale)}) sont plus nombreux que ceux qui l’évaluent moins bien (${pct(a.q, locale)}), ce qui n’est pas le cas de ${B} (${pct(b.p, locale)} contre ${pct(b.q, locale)}).`
            : `${A} ranks above ${B}: same grade ${quote(a.majorityGradeLabel, locale)}, but more voters rate ${A} better (${pct(a.p, locale)}) than worse (${pct(a.q, locale)}), which is not the case of ${B} (${pct(b.p, locale)} against ${pct(b.q, locale)}).`,
        );
        break;
      case 'above':
        sentences.push(fr ? `${A} devance ${B} : toutes deux ont ${quote(a.majorityGradeLabel, locale)} avec de la marge, et plus de votants jugent ${A} mieux que ${quote(a.majorityGradeLabel, locale)} (${pct(a.p, locale)} contre ${pct(b.p, locale)}).` : `${A} ranks above ${B}: both get ${quote(a.majorityGradeLabel, locale)} with room to spare, and more voters rate ${A} better than ${quote(a.majorityGradeLabel, locale)} (${pct(a.p, locale)} against ${pct(b.p, locale)}).`);
        break;
      case 'below':
        sentences.push(fr ? `${A} devance ${B} : toutes deux ont ${quote(a.majorityGradeLabel, locale)} de justesse, et moins de votants jugent ${A} moins bien que ${quote(a.majorityGradeLabel, locale)} (${pct(a.q, locale)} contre ${pct(b.q, locale)}).` : `${A} ranks above ${B}: both only just get ${quote(a.majorityGradeLabel, locale)}, and fewer voters rate ${A} worse than ${quote(a.majorityGradeLabel, locale)} (${pct(a.q, locale)} against ${pct(b.q, locale)}).`);
        break;
      case 'tie-break':
        sentences.push(
          fr
            ? `${A} et ${B} ont la même mention, avec autant de votants au-dessus et au-dessous. On retire alors de chacun, une à une, sa mention majoritaire et on recommence : après ${d.removed} retraits où elles restent égales, la mention majoritaire de ${A} est ${quote(d.betterGradeLabel!, locale)}, meilleure que ${quote(d.worseGradeLabel!, locale)} pour ${B}.`
            : `${A} and ${B} have the same grade, with as many voters above it and below it. Their majority grades are then removed one at a time and the count repeated: after ${d.removed} removals where they stay equal, the majority grade of ${A} is ${quote(d.betterGradeLabel!, locale)}, better than ${quote(d.worseGradeLabel!, locale)} for ${B}.`,
        );
        break;
      case 'equal':
        sentences.push(fr ? `${A} et ${B} ont reçu exactement les mêmes évaluations : ils sont ex æquo.` : `${A} and ${B} received exactly the same grades: they are tied.`);
        break;
    }
  }
  return sentences;
}
