import 'server-only';

import type { SessionPerson } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { fetchMe } from '@/features/identity/queries';

/** Whether the person writes the register, as the API's rules say today (it checks again on every call). */
export async function mayEditRegister(person: SessionPerson): Promise<boolean> {
  const me = await fetchMe(person);
  return me.can['data-uses.create'].allowed;
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
