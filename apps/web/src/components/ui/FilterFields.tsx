/**
 * The fields of a list's GET filter form (`?name=value`). Ids are `filtre-<name>`,
 * so a results page can point back to a field.
 */

import { FieldHint } from '../forms/FieldHint';

/** `lang`: an option naming what people wrote (a record's title, a neighbourhood) is marked `fr`. */
type Option = { value: string; label: string; lang?: string };

function Hint({ id, hint }: { id: string; hint?: string }) {
  return <FieldHint id={id}>{hint}</FieldHint>;
}

export function TextFilter({ name, label, hint, value, type = 'text', className }: { name: string; label: string; hint?: string; value?: string; type?: 'text' | 'search'; className?: string }) {
  const id = `filtre-${name}`;
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <input id={id} name={name} type={type} defaultValue={value ?? ''} maxLength={200} aria-describedby={hint ? `${id}-hint` : undefined} />
    </div>
  );
}

/** `any`: the first option, "no filter"; without it (a sort order) the first of `options` is the default. */
export function SelectFilter({ name, label, hint, any, options, value }: { name: string; label: string; hint?: string; any?: string; options: Option[]; value?: string }) {
  const id = `filtre-${name}`;
  // A value from the address that is not an option shows as the default: the list was not filtered by it.
  const selected = options.some((option) => option.value === value) ? value : any === undefined ? options[0]?.value : '';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <select id={id} name={name} defaultValue={selected} aria-describedby={hint ? `${id}-hint` : undefined}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
