import { getMessages, getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { CONTENT_LANG } from '@/i18n/config';
import { isDataUseReference } from '@/features/data-uses/queries';
import { isProposalReference } from '@/features/proposals/queries';

import type { AuditEntry } from '../queries';
import { fr } from '@/i18n/content';

/** Own-property lookup, so codes like "constructor" never hit Object.prototype. */
const lookup = (labels: Record<string, string>, key: unknown): string | undefined => (typeof key === 'string' && Object.hasOwn(labels, key) ? labels[key] : undefined);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** A proposal or a register record: a link to its page, by its title when the entry gives it. */
function Linked({ href, reference, title }: { href: string; reference: string; title: string | null }) {
  return title ? (
    <>
      <Link href={href}>
        <span lang={CONTENT_LANG}>{title}</span>
      </Link>{' '}
      <span className="break-anywhere">({reference})</span>
    </>
  ) : (
    <Link href={href}>{reference}</Link>
  );
}

/**
 * What an entry of the journal is about, in a resident's words: proposals and
 * records as links to their page, people by pseudonym (never an id, never an
 * address), places by name.
 */
export async function JournalSubject({ entry }: { entry: AuditEntry }) {
  const [plain, messages] = [await getTranslations('JournalPlain'), await getMessages()];
  const subjectLabels: Record<string, string> = messages.Journal.subjectTypes;
  const roles: Record<string, string> = messages.Roles;
  const typeLabel = lookup(subjectLabels, entry.subjectType) ?? entry.subjectType;
  const { subjectId, data } = entry;

  switch (entry.subjectType) {
    case 'proposal':
      if (subjectId && isProposalReference(subjectId)) return <Linked href={`/propositions/${encodeURIComponent(subjectId)}`} reference={subjectId} title={text(data.title)} />;
      break;
    case 'data-use':
      if (subjectId && isDataUseReference(subjectId)) return <Linked href={`/registre/${encodeURIComponent(subjectId)}`} reference={subjectId} title={text(data.title)} />;
      break;
    case 'person': {
      const person = entry.subjectName ?? typeLabel;
      const role = lookup(roles, data.role);
      return <>{role && entry.action.startsWith('role.') ? plain('role', { person, role }) : person}</>;
    }
    case 'territory':
    case 'neighbourhood':
      return <>{text(data.name) ?? typeLabel}</>;
    case 'invitation-batch': {
      const neighbourhood = text(data.neighbourhood);
      return <>{neighbourhood ? plain.rich('batch', { neighbourhood, fr }) : typeLabel}</>;
    }
  }
  return <>{typeLabel}</>;
}
