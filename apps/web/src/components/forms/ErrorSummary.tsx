import type { MouseEvent, ReactNode, Ref } from 'react';

/** One error of a form, as its summary lists it. */
export type FormError = {
  /** Where to fix it: `#` and its input's id, or an address on another page. None for an error of the whole form. */
  href?: string;
  /** The field's name as its label says it. */
  label?: string;
  message: string;
  /** E.g. to move focus to the input and show its label too. */
  onClick?: (event: MouseEvent<HTMLAnchorElement>) => void;
};

/** The errors as links to their inputs, in the order given (the form's order). */
export function FormErrorList({ errors, className }: { errors: FormError[]; className?: string }) {
  return (
    <ul className={className}>
      {errors.map((error, index) => {
        const text = error.label ? `${error.label} : ${error.message}` : error.message;
        return (
          <li key={`${index}-${error.href ?? ''}`}>
            {error.href ? (
              <a href={error.href} onClick={error.onClick}>
                {text}
              </a>
            ) : (
              text
            )}
          </li>
        );
      })}
    </ul>
  );
}

type ErrorSummaryProps = {
  /** The form's owner moves focus here after each refused answer, so that screen reader users hear it. */
  ref?: Ref<HTMLDivElement>;
  /** What went wrong, in a sentence; omitted only when the single error listed says it all. */
  title?: string;
  /** Each error, in the form's order, linking to its input. */
  errors: FormError[];
  listClassName?: string;
  /** More to say between the title and the list (reload after a conflict, what is missing elsewhere). */
  children?: ReactNode;
};

/**
 * The summary at the top of a refused form (the GOV.UK error summary): a
 * focusable alert, titled, listing each error as a link to its input. Every
 * form that lists errors shows them with this, the same way.
 */
export function ErrorSummary({ ref, title, errors, listClassName, children }: ErrorSummaryProps) {
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="notice notice--error">
      {title ? (
        <p>
          <strong>{title}</strong>
        </p>
      ) : null}
      {children}
      {errors.length > 0 ? <FormErrorList errors={errors} className={listClassName} /> : null}
    </div>
  );
}
