import 'server-only';

import { dataUsePolicy, type SessionPerson } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { fetchMe } from '@/features/identity/queries';

/** Whether the person writes the register, from their current roles (the API checks again on every call). */
export async function mayEditRegister(person: SessionPerson): Promise<boolean> {
  const me = await fetchMe(person);
  return dataUsePolicy.edit({ id: me.id, roles: me.roles });
}

/** What a signed-in person who does not write the register sees instead of the editor. */
export async function EditorForbidden() {
  const t = await getTranslations('RegisterEditor');
  return (
    <>
      <PageHeader title={t('forbiddenTitle')} lead={t('forbiddenLead')} />
      <p>
        <Link href="/registre">{t('toRegister')}</Link>
      </p>
    </>
  );
}
