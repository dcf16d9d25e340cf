import { DataUseReferenceSchema, transitionTarget } from '@sesame/domain';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { EditorForbidden, mayEditRegister } from '@/features/data-uses/editor/access';
import { retireDataUse, saveDataUse, suspendDataUse } from '@/features/data-uses/editor/actions';
import { DataUseEditor } from '@/features/data-uses/editor/DataUseEditor';
import type { EditorState } from '@/features/data-uses/editor/editor-state';
import { EditorIntl } from '@/features/data-uses/editor/EditorIntl';
import { GROUPS, isGroupPath } from '@/features/data-uses/editor/fields';
import { itemCount } from '@/features/data-uses/editor/form-content';
import { TransitionForm } from '@/features/data-uses/editor/TransitionForm';
import { fetchDataUse } from '@/features/data-uses/queries';
import { fetchNeighbourhoods } from '@/features/identity/queries';
import { requirePerson } from '@/features/identity/session';
import { fr } from '@/i18n/content';

type Props = {
  params: Promise<{ reference: string }>;
  /** ?cree=1 just after creation; ?ajouter=<group> when a slot was asked for while creating. */
  searchParams: Promise<{ cree?: string; ajouter?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reference } = await params;
  return { title: (await getTranslations('RegisterEditor'))('editTitle', { reference: reference.slice(0, 20) }) };
}

export default async function EditDataUsePage({ params, searchParams }: Props) {
  const { reference } = await params;
  if (!DataUseReferenceSchema.safeParse(reference).success) notFound();
  const person = await requirePerson(`/registre/${reference}/modifier`);
  if (!(await mayEditRegister(person))) return <EditorForbidden />;

  const [dataUse, neighbourhoods] = await Promise.all([fetchDataUse(reference), fetchNeighbourhoods()]);
  if (!dataUse) notFound();
  const [t, messages] = [await getTranslations('RegisterEditor'), await getTranslations('RegisterEditor.messages')];
  const { cree, ajouter } = await searchParams;
  const published = dataUse.state === 'published';
  const status = dataUse.content.lifecycle.status;

  // Just created: say so; when a slot was asked for, show it and take the person there.
  let initialState: EditorState | undefined;
  if (cree === '1') {
    const group = ajouter && isGroupPath(ajouter) ? ajouter : null;
    initialState = {
      status: 'success',
      message: messages('created', { reference: dataUse.reference }),
      slots: group ? { [group]: 2 } : undefined,
      focus: group ? `${group}.${itemCount(dataUse.content, group)}.${Object.keys(GROUPS[group].fields)[0]}` : undefined,
    };
  }

  return (
    <>
      <PageHeader
        title={t('editTitle', { reference: dataUse.reference })}
        lead={published ? t.rich('publishedLead', { title: dataUse.content.title, version: dataUse.version, fr }) : t.rich('draftLead', { title: dataUse.content.title, fr })}
      >
        <ul className="actions">
          <li>
            <Link href="/organisation/registre">{t('backToList')}</Link>
          </li>
          {published ? (
            <li>
              <Link href={`/registre/${encodeURIComponent(dataUse.reference)}`}>{t('viewPublic')}</Link>
            </li>
          ) : null}
        </ul>
      </PageHeader>
      <EditorIntl>
        <DataUseEditor
          action={saveDataUse}
          mode="edit"
          reference={dataUse.reference}
          published={published}
          revision={dataUse.revision}
          content={dataUse.content}
          savedStatus={status}
          neighbourhoods={neighbourhoods.map(({ id, name }) => ({ id, name }))}
          initialState={initialState}
        />
        {published && transitionTarget('suspend', status) ? <TransitionForm kind="suspend" action={suspendDataUse} reference={dataUse.reference} revision={dataUse.revision} /> : null}
        {published && transitionTarget('retire', status) ? <TransitionForm kind="retire" action={retireDataUse} reference={dataUse.reference} revision={dataUse.revision} /> : null}
      </EditorIntl>
    </>
  );
}
