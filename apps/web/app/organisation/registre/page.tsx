import type { DataUseSummary } from '@sesame/domain';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { EditorForbidden, mayEditRegister } from '@/features/data-uses/editor/access';
import { dataUseLabels } from '@/features/data-uses/labels';
import { fetchRecordsInState } from '@/features/data-uses/queries';
import { requirePerson } from '@/features/identity/session';
import { Content } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';
import { TableScroll } from '@/components/ui/TableScroll';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('RegisterEditor.list'))('title') };
}

/** The register as its editors see it: private drafts first, then published records, each with a link to edit it. */
export default async function OrganisationRegisterPage() {
  const person = await requirePerson('/organisation/registre');
  if (!(await mayEditRegister(person))) return <EditorForbidden />;
  const [drafts, published] = await Promise.all([fetchRecordsInState(person, 'draft'), fetchRecordsInState(person, 'published')]);
  const t = await getTranslations('RegisterEditor.list');
  const labels = dataUseLabels(await getTranslations('Register.labels'));
  const dates = await getDateWords();

  const table = (items: DataUseSummary[], caption: string, empty: string, isPublished: boolean) =>
    items.length === 0 ? (
      <p>{empty}</p>
    ) : (
      <>
        <TableScroll captionId={`${isPublished ? 'publiees' : 'brouillons'}-legende`}>
          <table className="data-table">
            <caption id={`${isPublished ? 'publiees' : 'brouillons'}-legende`}>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reference')}</th>
                <th scope="col">{t('titleColumn')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('updated')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.reference}>
                  <td>{item.reference}</td>
                  {/* The edit link sits under the title: on a phone, a last column would be off-screen. */}
                  <th scope="row">
                    {isPublished ? (
                      <Link href={`/registre/${encodeURIComponent(item.reference)}`}>
                        <Content>{item.title}</Content>
                      </Link>
                    ) : (
                      <Content>{item.title}</Content>
                    )}
                    <br />
                    <Link href={`/registre/${encodeURIComponent(item.reference)}/modifier`} aria-label={t('editLabel', { reference: item.reference })}>
                      {t('edit')}
                    </Link>
                  </th>
                  <td>
                    {labels.status(item.lifecycleStatus)}
                    {item.reviewOverdue ? (
                      <>
                        <br />
                        <strong>{t('reviewOverdue')}</strong>
                      </>
                    ) : null}
                  </td>
                  <td>{dates.date(item.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </>
    );

  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')}>
        <p>
          <Link href="/registre/nouveau" variant="button">
            {t('create')}
          </Link>
        </p>
      </PageHeader>

      <section className="account-section" aria-labelledby="drafts">
        <h2 id="drafts">{t('draftsTitle')}</h2>
        {table(drafts, t('draftsCaption', { total: drafts.length }), t('noDrafts'), false)}
      </section>

      <section className="account-section" aria-labelledby="published">
        <h2 id="published">{t('publishedTitle')}</h2>
        {table(published, t('publishedCaption', { total: published.length }), t('noPublished'), true)}
      </section>
    </>
  );
}
