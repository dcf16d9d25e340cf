import type { ConsultationDto } from '@sesame/domain';

import type { FormValues } from '@/components/forms/form-state';

import { isoToLocal, localToIso } from './schedule';

/**
 * The organizer's form ↔ the API's consultation content. Options are written
 * one per line; their ids follow their order (`option-1`, …), which is enough
 * while the rules can still change (before the opening) and stable after.
 */
export const CONTENT_FIELDS = [
  'origin',
  'proposalReference',
  'originNote',
  'title',
  'question',
  'briefing',
  'dataUseReference',
  'informationOpensAt',
  'deliberationOpensAt',
  'voteOpensAt',
  'voteClosesAt',
  'method',
  'options',
  'maxApprovals',
  'quorumPercent',
  'abstention',
  'neighbourhoodIds',
  'whatNext',
] as const;

type Form = Pick<FormData, 'get' | 'getAll'>;
const text = (form: Form, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};
const integer = (raw: string, fallback: number | null) => (raw === '' ? fallback : /^-?\d+$/.test(raw) ? Number(raw) : raw);

export const optionsFromText = (raw: string) =>
  raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((label, index) => ({ id: `option-${index + 1}`, label }));

export function contentFromForm(form: Form) {
  const method = text(form, 'method');
  const neighbourhoodIds = form.getAll('neighbourhoodIds').filter((id): id is string => typeof id === 'string' && id !== '');
  return {
    title: text(form, 'title'),
    question: text(form, 'question'),
    briefing: text(form, 'briefing'),
    dataUseReference: text(form, 'dataUseReference'),
    schedule: {
      informationOpensAt: localToIso(text(form, 'informationOpensAt')),
      deliberationOpensAt: localToIso(text(form, 'deliberationOpensAt')),
      voteOpensAt: localToIso(text(form, 'voteOpensAt')),
      voteClosesAt: localToIso(text(form, 'voteClosesAt')),
    },
    rules: {
      // Ticking neighbourhoods restricts the vote to their verified residents; none ticked: every verified resident.
      eligibility: neighbourhoodIds.length > 0 ? 'verified_residents_of_neighbourhoods' : 'verified_residents',
      neighbourhoodIds,
      method,
      options: method === 'yes_no_abstain' ? [] : optionsFromText(text(form, 'options')),
      maxApprovals: method === 'approval' ? integer(text(form, 'maxApprovals'), null) : null,
      quorumPercent: integer(text(form, 'quorumPercent'), 0),
      abstention: text(form, 'abstention') || 'not_expressed',
      whatNext: text(form, 'whatNext'),
    },
  };
}

export function originFromForm(form: Form) {
  const kind = text(form, 'origin');
  const note = text(form, 'originNote');
  if (kind === 'proposal') return { kind, proposalReference: text(form, 'proposalReference'), note };
  return { kind, note };
}

/** The form's values for an existing consultation. */
export function valuesFromConsultation(c: ConsultationDto): FormValues {
  return {
    origin: c.origin.kind,
    proposalReference: c.origin.proposal?.reference ?? '',
    originNote: c.origin.note,
    title: c.title,
    question: c.question,
    briefing: c.briefing,
    dataUseReference: c.dataUse.reference,
    informationOpensAt: isoToLocal(c.schedule.informationOpensAt),
    deliberationOpensAt: isoToLocal(c.schedule.deliberationOpensAt),
    voteOpensAt: isoToLocal(c.schedule.voteOpensAt),
    voteClosesAt: isoToLocal(c.schedule.voteClosesAt),
    method: c.rules.method,
    options: c.rules.options.map((o) => o.label).join('\n'),
    maxApprovals: c.rules.maxApprovals === null ? '' : String(c.rules.maxApprovals),
    quorumPercent: String(c.rules.quorumPercent),
    abstention: c.rules.abstention,
    neighbourhoodIds: [...c.rules.neighbourhoodIds],
    whatNext: c.rules.whatNext,
  };
}

/** An API error path → the form's input (`content.rules.options.1.label` → `options`). */
export function contentField(path: string): string | null {
  const parts = path.split('.').filter((p) => p !== 'content' && p !== 'rules' && p !== 'schedule');
  if (parts[0] === 'origin') return parts[1] === 'proposalReference' ? 'proposalReference' : parts[1] === 'note' ? 'originNote' : 'origin';
  const name = parts[0] ?? '';
  return (CONTENT_FIELDS as readonly string[]).includes(name) ? name : null;
}
