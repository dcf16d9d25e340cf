'use client';

import { keptValue, type FormAction } from '@/components/forms/form-state';
import { Button } from '@/components/ui/Button';

import { MAX_ROWS, WORKSHOP_ROWS } from '../form-values';
import { Checkbox, FormFrame, Radios, Select, TextArea, TextInput, useModerationForm } from './form-parts';
import styles from './moderation.module.css';

/** « Contribution {n} » with its number. */
const numbered = (template: string, n: number) => template.replace('{n}', String(n));

export type WorkshopWords = {
  provenance: string;
  provenanceHint: string;
  workshopDate: string;
  place: string;
  placeHint: string;
  facilitator: string;
  sheetNumber: string;
  entries: string;
  entriesHint: string;
  /** « Contribution {n} » */
  entry: string;
  stance: string;
  stances: { value: string; label: string }[];
  body: string;
  attribution: string;
  attributionWorkshop: string;
  attributionParticipant: string;
  pseudonym: string;
  consent: string;
  more: string;
  submit: string;
  errorSummary: string;
};

/**
 * One workshop sheet: where it comes from (date, place, facilitator, sheet
 * number), then several entries — stance, text, and whom it is attributed
 * to (the workshop, or a participant who agreed to be named by a pseudonym).
 * Five rows to start; blank rows are left out; « une ligne de plus » adds a
 * row, without JavaScript too (the form comes back with what was typed).
 */
export function WorkshopForm({ action, spaceId, words, facilitatorName }: { action: FormAction; spaceId: string; words: WorkshopWords; facilitatorName: string }) {
  const { state, formAction, pending, prefix } = useModerationForm(action);
  const rows = Math.min(Number(keptValue(state.values, 'rows', WORKSHOP_ROWS)) || WORKSHOP_ROWS, MAX_ROWS);
  const labels: Record<string, string> = { workshopDate: words.workshopDate, place: words.place, facilitator: words.facilitator, sheetNumber: words.sheetNumber };
  for (let row = 0; row < rows; row += 1) {
    const entry = numbered(words.entry, row + 1);
    Object.assign(labels, {
      [`entries.${row}.stance`]: `${entry}, ${words.stance}`,
      [`entries.${row}.body`]: `${entry}, ${words.body}`,
      [`entries.${row}.attribution`]: `${entry}, ${words.attribution}`,
      [`entries.${row}.pseudonym`]: `${entry}, ${words.pseudonym}`,
      [`entries.${row}.consent`]: `${entry}, ${words.consent}`,
    });
  }
  return (
    <form action={formAction} noValidate className="form">
      <input type="hidden" name="spaceId" value={spaceId} />
      <input type="hidden" name="rows" value={rows} />
      <FormFrame state={state} prefix={prefix} labels={labels} errorSummaryLabel={words.errorSummary}>
        <fieldset className={styles.fieldset}>
          <legend>{words.provenance}</legend>
          <p className="hint">{words.provenanceHint}</p>
          <TextInput name="workshopDate" label={words.workshopDate} type="date" />
          <TextInput name="place" label={words.place} hint={words.placeHint} />
          <TextInput name="facilitator" label={words.facilitator} defaultValue={facilitatorName} />
          <TextInput name="sheetNumber" label={words.sheetNumber} />
        </fieldset>
        <h2>{words.entries}</h2>
        <p className="hint">{words.entriesHint}</p>
        <ol className={styles.entries}>
          {Array.from({ length: rows }, (_, row) => (
            <li key={row}>
              <fieldset className={styles.fieldset}>
                <legend>{numbered(words.entry, row + 1)}</legend>
                <Select name={`entries.${row}.stance`} label={words.stance} options={words.stances} />
                <TextArea name={`entries.${row}.body`} label={words.body} rows={3} lang="fr" />
                <Radios
                  name={`entries.${row}.attribution`}
                  legend={words.attribution}
                  defaultValue="workshop"
                  options={[
                    { value: 'workshop', label: words.attributionWorkshop },
                    { value: 'participant', label: words.attributionParticipant },
                  ]}
                />
                <TextInput name={`entries.${row}.pseudonym`} label={words.pseudonym} />
                <Checkbox name={`entries.${row}.consent`} label={words.consent} />
              </fieldset>
            </li>
          ))}
        </ol>
      </FormFrame>
      <div className={styles.buttons}>
        {rows < MAX_ROWS ? (
          <Button type="submit" name="intent" value="more" variant="secondary" isDisabled={pending}>
            {words.more}
          </Button>
        ) : null}
        <Button type="submit" name="intent" value="record" isDisabled={pending}>
          {words.submit}
        </Button>
      </div>
    </form>
  );
}
