/**
 * Pure helpers of the moderation forms: reading the form's inputs into the
 * API's bodies, and the API's error paths back to the form's inputs.
 * Unit-tested in form-values.spec.ts.
 */
import { DEFAULT_MODERATION_POLICY, ILLEGAL_CONTENT } from '@sesame/domain/client';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A space's or a record's id (checked before it goes into an address). */
export const isSpaceId = (value: string): boolean => UUID.test(value);

export const text = (formData: FormData, name: string): string => {
  const value = formData.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** The ground chosen in a decision form: a policy reason, or the law for illegal content; undefined when none is chosen (the API says what is missing). */
export function groundOf(formData: FormData): { kind: 'policy'; code: string } | { kind: 'law'; law: string } | undefined {
  const code = text(formData, 'code');
  if (!code) return undefined;
  if (code === ILLEGAL_CONTENT) return { kind: 'law', law: text(formData, 'law') };
  return { kind: 'policy', code };
}

/** An API error path of a decision → the form's input (`ground.code` → `code`, `ground.law` → `law`, `until` → `days`). */
export function decisionField(path: string): string | null {
  if (path === 'ground' || path === 'ground.code' || path === 'ground.kind') return 'code';
  if (path === 'ground.law') return 'law';
  if (path === 'until') return 'days';
  if (path === 'contributionIds') return null;
  return path === '' ? null : path;
}

/** « 2027-07-12T14:00 » read as Paris time → an ISO date with its offset; null when not a date and time. */
export function parisDateTime(value: string, timeZone = 'Europe/Paris'): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(asUtc)) return null;
  // The zone's offset at that moment (twice: the first guess may fall on the other side of a clock change).
  const offsetAt = (instant: number) => {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(instant));
    const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - instant;
  };
  let instant = asUtc - offsetAt(asUtc);
  instant = asUtc - offsetAt(instant);
  return new Date(instant).toISOString();
}

/** An ISO date → « 2027-07-12T14:00 » in Paris time, for a datetime-local input. */
export function parisInputValue(iso: string, timeZone = 'Europe/Paris'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(date);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

// ---- the workshop sheet ------------------------------------------------------

export const WORKSHOP_ROWS = 5;
export const MAX_ROWS = 50;

export type WorkshopBody = {
  provenance: { workshopDate: string; place: string; facilitator: string; sheetNumber: string };
  entries: { stance: string; body: string; attribution: { kind: 'workshop' } | { kind: 'participant'; pseudonym: string; consent: boolean } }[];
};

/** The rows of the sheet: blank ones are left out; `rowOf[i]` is the form row of the body's entry `i`. */
export function workshopBody(formData: FormData, rows: number): { body: WorkshopBody; rowOf: number[] } {
  const entries: WorkshopBody['entries'] = [];
  const rowOf: number[] = [];
  for (let row = 0; row < rows; row += 1) {
    const body = text(formData, `entries.${row}.body`);
    const pseudonym = text(formData, `entries.${row}.pseudonym`);
    if (!body && !pseudonym) continue;
    const participant = text(formData, `entries.${row}.attribution`) === 'participant';
    entries.push({
      stance: text(formData, `entries.${row}.stance`),
      body,
      attribution: participant ? { kind: 'participant', pseudonym, consent: formData.get(`entries.${row}.consent`) === 'yes' } : { kind: 'workshop' },
    });
    rowOf.push(row);
  }
  return {
    body: {
      provenance: { workshopDate: text(formData, 'workshopDate'), place: text(formData, 'place'), facilitator: text(formData, 'facilitator'), sheetNumber: text(formData, 'sheetNumber') },
      entries,
    },
    rowOf,
  };
}

/** An API error path of the sheet → the form's input (`provenance.place` → `place`, `entries.1.attribution.pseudonym` → `entries.<row>.pseudonym`). */
export function workshopField(rowOf: readonly number[]) {
  return (path: string): string | null => {
    if (path.startsWith('provenance.')) return path.slice('provenance.'.length);
    const entry = /^entries\.(\d+)\.(.+)$/.exec(path);
    if (entry) {
      const row = rowOf[Number(entry[1])];
      if (row === undefined) return null;
      const field = entry[2]!.replace(/^attribution\./, '');
      return `entries.${row}.${field === 'attribution' || field === 'kind' ? 'attribution' : field}`;
    }
    if (path === 'entries') return 'entries.0.body';
    return path === '' ? null : path;
  };
}

// ---- a space's rules ---------------------------------------------------------

export const EXTRA_REASON_ROWS = 2;

export type RulesBody = {
  moderation: string;
  whoMayPost: { who: 'signed_in' } | { who: 'verified' } | { who: 'verified_in_neighbourhoods'; neighbourhoodIds: string[] };
  opensAt: string;
  closesAt: string;
  autoHideThreshold: number | string;
  moderationPolicy: { code: string; description: string }[];
};

/** The rules' inputs → the API's rules; `reasonRowOf[i]` is the form row of the policy's reason `i`; `badDates` the inputs that are not dates. */
export function rulesBody(formData: FormData, reasonRows: number): { rules: RulesBody; reasonRowOf: number[]; badDates: string[] } {
  const who = text(formData, 'whoMayPost');
  const whoMayPost: RulesBody['whoMayPost'] =
    who === 'verified_in_neighbourhoods'
      ? { who, neighbourhoodIds: formData.getAll('neighbourhoodIds').filter((value): value is string => typeof value === 'string') }
      : who === 'verified'
        ? { who }
        : { who: 'signed_in' };
  const policy: RulesBody['moderationPolicy'] = [];
  const reasonRowOf: number[] = [];
  for (let row = 0; row < reasonRows; row += 1) {
    const code = text(formData, `reasons.${row}.code`);
    const description = text(formData, `reasons.${row}.description`);
    if (!code && !description) continue;
    policy.push({ code, description });
    reasonRowOf.push(row);
  }
  const badDates: string[] = [];
  const date = (name: string) => {
    const iso = parisDateTime(text(formData, name));
    if (!iso) badDates.push(name);
    return iso ?? '';
  };
  const threshold = text(formData, 'autoHideThreshold');
  return {
    rules: {
      moderation: text(formData, 'moderation'),
      whoMayPost,
      opensAt: date('opensAt'),
      closesAt: date('closesAt'),
      autoHideThreshold: /^\d+$/.test(threshold) ? Number(threshold) : threshold,
      moderationPolicy: policy,
    },
    reasonRowOf,
    badDates,
  };
}

/** An API error path of the rules → the form's input. */
export function rulesField(reasonRowOf: readonly number[]) {
  return (path: string): string | null => {
    const bare = path.replace(/^rules\./, '');
    const reason = /^moderationPolicy\.(\d+)\.(code|description)$/.exec(bare);
    if (reason) {
      const row = reasonRowOf[Number(reason[1])];
      return row === undefined ? 'reasons.0.code' : `reasons.${row}.${reason[2]}`;
    }
    if (bare === 'moderationPolicy') return 'reasons.0.code';
    if (bare.startsWith('whoMayPost.neighbourhoodIds')) return 'neighbourhoodIds';
    if (bare.startsWith('whoMayPost')) return 'whoMayPost';
    if (bare.startsWith('subject')) return null;
    return bare === '' ? null : bare;
  };
}

/** The default policy, as rows of the rules form. */
export const defaultReasons = (): { code: string; description: string }[] => DEFAULT_MODERATION_POLICY.map((reason) => ({ ...reason }));
