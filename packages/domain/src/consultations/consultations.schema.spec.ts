import { BIDI_CONTROLS_MESSAGE, plainText } from '../common/text-fields';
import { AnswerQuestionSchema, AskQuestionSchema, CancelConsultationSchema, ConsultationContentSchema, HearingInputSchema, PaperCountInputSchema, RecordStationVoteSchema } from './consultations.schema';

// Review L11: bidirectional controls (« Trojan Source ») make a text display in another order than it is stored.
const CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const bidiPaths = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string; code: string; params?: Record<string, unknown> } [] } }) =>
  (result.error?.issues ?? []).filter((issue) => issue.code === 'custom' && issue.params?.['reason'] === 'bidi').map((issue) => issue.path.map(String).join('.'));

const content = {
  title: 'Les caméras du marché',
  question: 'Que faire des caméras du marché ?',
  briefing: 'Le dossier.',
  dataUseReference: 'DU-2027-001',
  schedule: { informationOpensAt: '2027-03-01T08:00:00Z', deliberationOpensAt: '2027-03-08T08:00:00Z', voteOpensAt: '2027-03-15T08:00:00Z', voteClosesAt: '2027-03-22T08:00:00Z' },
  rules: { method: 'single_choice', options: [{ id: 'garder', label: 'Les garder' }, { id: 'retirer', label: 'Les retirer' }], whatNext: 'Le comité citoyen.' },
};

describe('consultation free texts refuse bidirectional controls (review L11)', () => {
  it('the shared rule refuses each of U+202A–U+202E and U+2066–U+2069, and accepts ordinary French and Arabic text', () => {
    for (const control of CONTROLS) {
      const result = plainText(100).safeParse(`Qui regarde ${control}les images ?`);
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]).toMatchObject({ message: BIDI_CONTROLS_MESSAGE, params: { reason: 'bidi' } });
    }
    expect(BIDI_CONTROLS_MESSAGE).toMatch(/U\+202A à U\+202E, U\+2066 à U\+2069/);
    // Right-to-left text itself is welcome; only the invisible controls are refused (and the implicit marks U+200E/U+200F stay allowed).
    expect(plainText(100).safeParse('Qui regarde les images ? من يشاهد الصور؟ \u200F').success).toBe(true);
  });

  it('a resident’s question, an answer, a cancellation reason', () => {
    expect(bidiPaths(AskQuestionSchema.safeParse({ body: 'Combien de temps \u202Eseruoj 03\u202C ?' }))).toEqual(['body']);
    expect(bidiPaths(AnswerQuestionSchema.safeParse({ body: 'Trente jours\u2066.' }))).toEqual(['body']);
    expect(bidiPaths(CancelConsultationSchema.safeParse({ reason: '\u2067Reportée' }))).toEqual(['reason']);
    expect(AskQuestionSchema.safeParse({ body: 'Combien de temps les images sont-elles gardées ?' }).success).toBe(true);
  });

  it('the organizers’ title, question, briefing, options and what comes next', () => {
    const laced = {
      ...content,
      title: `${content.title}\u202D`,
      question: `\u202E${content.question}`,
      briefing: `Le \u2068dossier\u2069.`,
      rules: { ...content.rules, options: [{ id: 'garder', label: 'Les \u202Bgarder' }, content.rules.options[1]], whatNext: 'Le comité\u202A citoyen.' },
    };
    expect(bidiPaths(ConsultationContentSchema.safeParse(laced)).sort()).toEqual(['briefing', 'question', 'rules.options.0.label', 'rules.whatNext', 'title']);
    expect(ConsultationContentSchema.safeParse(content).success).toBe(true);
  });

  it('hearings and the polling stations’ records', () => {
    const hearing = { speaker: 'Dr Amina\u202E Benali', affiliation: 'Université\u2066', declaredInterests: 'Aucun\u202C', position: 'against', summary: '\u2067Les risques.' };
    expect(bidiPaths(HearingInputSchema.safeParse(hearing)).sort()).toEqual(['affiliation', 'declaredInterests', 'speaker', 'summary']);
    expect(bidiPaths(RecordStationVoteSchema.safeParse({ voterCode: 'A1B2C-3D4E5', stationName: 'Bureau\u202E 1' }))).toEqual(['stationName']);
    const count = { stationName: 'Bureau 1\u202E', place: 'Mairie\u2069', countedAt: '2027-03-22T20:00:00Z', officers: ['Jeanne\u202D Martin', 'Karim Haddad'], ballots: 2, blankOrInvalid: 0, counts: { options: { garder: 1, retirer: 1 } } };
    expect(bidiPaths(PaperCountInputSchema.safeParse(count)).sort()).toEqual(['officers.0', 'place', 'stationName']);
  });
});
