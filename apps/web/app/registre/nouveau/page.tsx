import type { DataUseContentInput } from '@sesame/domain';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { EditorForbidden, mayEditRegister } from '@/features/data-uses/editor/access';
import { createDataUse } from '@/features/data-uses/editor/actions';
import { DataUseEditor } from '@/features/data-uses/editor/DataUseEditor';
import { EditorIntl } from '@/features/data-uses/editor/EditorIntl';
import { fetchNeighbourhoods } from '@/features/identity/queries';
import { requirePerson } from '@/features/identity/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('RegisterEditor'))('newTitle') };
}

/** An empty record with the schema's defaults in its selects (only the title is needed to save a draft). */
const EMPTY: DataUseContentInput = {
  title: '',
  domain: 'other',
  legal: { regime: 'gdpr', aiActRiskClass: 'not_ai' },
  automation: { level: 'information' },
  lifecycle: { status: 'planned' },
};

export default async function NewDataUsePage() {
  const person = await requirePerson('/registre/nouveau');
  if (!(await mayEditRegister(person))) return <EditorForbidden />;
  const [t, neighbourhoods] = [await getTranslations('RegisterEditor'), await fetchNeighbourhoods()];
  return (
    <>
      <PageHeader title={t('newTitle')} lead={t('newLead')}>
        <p>
          <Link href="/organisation/registre">{t('backToList')}</Link>
        </p>
      </PageHeader>
      <EditorIntl>
        <DataUseEditor
          action={createDataUse}
          mode="create"
          content={EMPTY}
          savedStatus="planned"
          neighbourhoods={neighbourhoods.map(({ id, name }) => ({ id, name }))}
        />
      </EditorIntl>
    </>
  );
}
