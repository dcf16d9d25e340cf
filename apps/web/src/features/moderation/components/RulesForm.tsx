'use client';

import { keptChecked, type FormAction } from '@/components/forms/form-state';
import { Button } from '@/components/ui/Button';

import { EXTRA_REASON_ROWS } from '../form-values';
import { FormFrame, idFor, Radios, TextArea, TextInput, useModerationForm } from './form-parts';
import styles from './moderation.module.css';

/** « Contribution {n} » with its number. */
const numbered = (template: string, n: number) => template.replace('{n}', String(n));

export type RulesWords = {
  moderation: string;
  moderationPre: string;
  moderationPost: string;
  whoMayPost: string;
  whoSignedIn: string;
  whoVerified: string;
  whoNeighbourhoods: string;
  neighbourhoods: string;
  neighbourhoodsHint: string;
  opensAt: string;
  closesAt: string;
  datesHint: string;
  autoHide: string;
  autoHideHint: string;
  policy: string;
  policyHint: string;
  /** « Motif {n} » */
  reason: string;
  code: string;
  codeHint: string;
  description: string;
  changeNote: string;
  changeNoteHint: string;
  submit: string;
  errorSummary: string;
};

export type RulesDefaults = {
  moderation: string;
  whoMayPost: string;
  neighbourhoodIds: string[];
  opensAt: string;
  closesAt: string;
  autoHideThreshold: number;
  reasons: { code: string; description: string }[];
};

type Props =
  | { mode: 'open'; action: FormAction; reference: string; defaults: RulesDefaults; neighbourhoods: { id: string; name: string }[]; words: RulesWords }
  | { mode: 'version'; action: FormAction; spaceId: string; defaults: RulesDefaults; neighbourhoods: { id: string; name: string }[]; words: RulesWords };

/**
 * A space's rules, fixed before it opens: moderation before or after
 * publication, who may post (with the neighbourhoods), the dates (Paris
 * time), the reports that hide a contribution until a moderator checks it,
 * and the moderation policy (the default reasons, and two empty rows for new
 * ones; a blank row is left out). A new version carries its change note.
 */
export function RulesForm(props: Props) {
  const { mode, defaults, neighbourhoods, words } = props;
  const { state, formAction, pending, prefix } = useModerationForm(props.action);
  const reasonRows = defaults.reasons.length + EXTRA_REASON_ROWS;
  const rows = Array.from({ length: reasonRows }, (_, row) => defaults.reasons[row] ?? { code: '', description: '' });
  const labels: Record<string, string> = {
    moderation: words.moderation,
    whoMayPost: words.whoMayPost,
    neighbourhoodIds: words.neighbourhoods,
    opensAt: words.opensAt,
    closesAt: words.closesAt,
    autoHideThreshold: words.autoHide,
  };
  rows.forEach((_, row) => Object.assign(labels, { [`reasons.${row}.code`]: `${numbered(words.reason, row + 1)}, ${words.code}`, [`reasons.${row}.description`]: `${numbered(words.reason, row + 1)}, ${words.description}` }));
  if (mode === 'version') labels.changeNote = words.changeNote;
  const neighbourhoodError = state.fieldErrors?.neighbourhoodIds;
  const sent = state.values !== undefined;
  return (
    <form action={formAction} noValidate className="form">
      {mode === 'open' ? <input type="hidden" name="reference" value={props.reference} /> : <input type="hidden" name="spaceId" value={props.spaceId} />}
      <input type="hidden" name="reasonRows" value={reasonRows} />
      <FormFrame state={state} prefix={prefix} labels={labels} errorSummaryLabel={words.errorSummary}>
        <Radios
          name="moderation"
          legend={words.moderation}
          defaultValue={defaults.moderation}
          options={[
            { value: 'pre', label: words.moderationPre },
            { value: 'post', label: words.moderationPost },
          ]}
        />
        <Radios
          name="whoMayPost"
          legend={words.whoMayPost}
          defaultValue={defaults.whoMayPost}
          options={[
            { value: 'signed_in', label: words.whoSignedIn },
            { value: 'verified', label: words.whoVerified },
            { value: 'verified_in_neighbourhoods', label: words.whoNeighbourhoods },
          ]}
        />
        <fieldset className={styles.fieldset} aria-describedby={`${idFor(prefix, 'neighbourhoodIds')}-hint`}>
          <legend>{words.neighbourhoods}</legend>
          <p className="hint" id={`${idFor(prefix, 'neighbourhoodIds')}-hint`}>
            {words.neighbourhoodsHint}
          </p>
          {neighbourhoodError ? <p className="field-error">{neighbourhoodError}</p> : null}
          {neighbourhoods.map((neighbourhood, index) => {
            const id = index === 0 ? idFor(prefix, 'neighbourhoodIds') : `${idFor(prefix, 'neighbourhoodIds')}-${index}`;
            return (
              <div key={neighbourhood.id} className={styles.check}>
                <input
                  type="checkbox"
                  id={id}
                  name="neighbourhoodIds"
                  value={neighbourhood.id}
                  defaultChecked={sent ? keptChecked(state.values, 'neighbourhoodIds', neighbourhood.id) : defaults.neighbourhoodIds.includes(neighbourhood.id)}
                />
                <label htmlFor={id} lang="fr">
                  {neighbourhood.name}
                </label>
              </div>
            );
          })}
        </fieldset>
        <TextInput name="opensAt" label={words.opensAt} hint={words.datesHint} type="datetime-local" defaultValue={defaults.opensAt} />
        <TextInput name="closesAt" label={words.closesAt} hint={words.datesHint} type="datetime-local" defaultValue={defaults.closesAt} />
        <TextInput name="autoHideThreshold" label={words.autoHide} hint={words.autoHideHint} type="number" inputMode="numeric" min={1} max={100} defaultValue={defaults.autoHideThreshold} />
        <h2>{words.policy}</h2>
        <p className="hint">{words.policyHint}</p>
        <ol className={styles.entries}>
          {rows.map((reason, row) => (
            <li key={row}>
              <fieldset className={styles.fieldset}>
                <legend>{numbered(words.reason, row + 1)}</legend>
                <TextInput name={`reasons.${row}.code`} label={words.code} hint={row === 0 ? words.codeHint : undefined} defaultValue={reason.code} />
                <TextArea name={`reasons.${row}.description`} label={words.description} defaultValue={reason.description} rows={2} lang="fr" />
              </fieldset>
            </li>
          ))}
        </ol>
        {mode === 'version' ? <TextArea name="changeNote" label={words.changeNote} hint={words.changeNoteHint} rows={3} /> : null}
      </FormFrame>
      <div>
        <Button type="submit" isDisabled={pending}>
          {words.submit}
        </Button>
      </div>
    </form>
  );
}
