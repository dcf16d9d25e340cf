import type { ReactNode } from 'react';

/** A field's hint, read with the field (`aria-describedby` names `<id>-hint`); nothing when there is none. */
export function FieldHint({ id, children }: { id: string; children?: ReactNode }) {
  return children ? (
    <p className="hint" id={`${id}-hint`}>
      {children}
    </p>
  ) : null;
}
