'use client';

import { useActionState, type ReactNode } from 'react';

import { initialFormState, keptValue, type FormAction } from '@/components/forms/form-state';
import { Button } from '@/components/ui/Button';

type Props = {
  action: FormAction;
  personId: string;
  pseudonym: string;
  roleLabel: ReactNode;
  roles: { value: string; label: string }[];
  grantLabel: string;
  revokeLabel: string;
};

/** One row's role change: pick a role, then grant or revoke it. */
export function RoleChangeForm({ action, personId, roleLabel, roles, grantLabel, revokeLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const selectId = `role-${personId}`;
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="personId" value={personId} />
      <label htmlFor={selectId} className="visually-hidden">
        {roleLabel}
      </label>
      <span className="field">
        <select id={selectId} name="role" defaultValue={keptValue(state.values, 'role')}>
          {roles.map((role) => (
            <option key={role.value} value={role.value}>
              {role.label}
            </option>
          ))}
        </select>
      </span>
      <Button type="submit" name="change" value="grant" isDisabled={pending}>
        {grantLabel}
      </Button>
      <Button type="submit" name="change" value="revoke" variant="secondary" isDisabled={pending}>
        {revokeLabel}
      </Button>
      {state.status !== 'idle' ? (
        <p role={state.status === 'error' ? 'alert' : 'status'} className={state.status === 'error' ? 'field-error' : undefined}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
