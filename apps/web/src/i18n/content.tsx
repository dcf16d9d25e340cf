import { DELETED_ACCOUNT_NAME } from '@sesame/domain';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';

import { CONTENT_LANG } from './config';

/**
 * What residents and the town wrote — titles, texts, pseudonyms, neighbourhood
 * names, reasons — is French, whatever the interface's language. Marking it
 * `lang="fr"` makes screen readers read it with a French voice in the English
 * interface (see docs/glossary.md, rule 4).
 */
export function Content({ children, ...props }: ComponentPropsWithoutRef<'span'>) {
  return (
    <span lang={CONTENT_LANG} {...props}>
      {children}
    </span>
  );
}

/**
 * For `t.rich`: a message marks the French in it with `<fr>…</fr>` — a
 * placeholder holding what people wrote (« Proposée par <fr>{author}</fr> »)
 * or a French name inside English text:
 *
 *   t.rich('author', { author: item.author, fr })
 */
export const fr = (chunks: ReactNode) => <Content>{chunks}</Content>;

/**
 * Rich values for a message that names someone as `<fr>{name}</fr>`: a
 * pseudonym is what a person wrote (French, marked); a deleted account is named
 * in the interface's own words (« Compte supprimé », "Deleted account").
 *
 *   t.rich('author', person('author', item.author, people('deletedAccount')))
 */
export function person(key: string, name: string, deletedAccount: string): Record<string, string | ((chunks: ReactNode) => ReactNode)> {
  return name === DELETED_ACCOUNT_NAME ? { [key]: deletedAccount, fr: (chunks: ReactNode) => chunks } : { [key]: name, fr };
}
