import { ROLES } from '@sesame/domain';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { Pagination } from '@/components/ui/Pagination';
import { changeRole } from '@/features/people/actions';
import { PersonName } from '@/features/people/components/PersonName';
import { RoleChangeForm } from '@/features/people/RoleChangeForm';
import { fetchPeoplePage } from '@/features/people/queries';
import { fetchMe } from '@/features/identity/queries';
import { requirePerson } from '@/features/identity/session';
import { Content, person as personValues } from '@/i18n/content';
import { TableScroll } from '@/components/ui/TableScroll';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Admin'))('title') };
}

const PAGE_SIZE = 50;

type Props = { searchParams: Promise<{ q?: string; role?: string; page?: string }> };

export default async function AdminPeoplePage({ searchParams }: Props) {
  const person = await requirePerson('/admin/personnes');
  const [t, roles, peopleT] = [await getTranslations('Admin'), await getTranslations('Roles'), await getTranslations('People')];
  const me = await fetchMe(person);
  if (!me.can['identity.list-people'].allowed) {
    return <PageHeader title={t('forbiddenTitle')} lead={t('forbiddenLead')} />;
  }
  const { q = '', role = '', page = '1' } = await searchParams;
  const search = q.trim().slice(0, 60);
  const roleFilter = ROLES.find((r) => r === role);
  const pageNumber = /^[1-9]\d{0,5}$/.test(page) ? Number(page) : 1;
  /** This list's address with the same search and filter, at another page. */
  const hrefAt = (target: number) => {
    const params = new URLSearchParams();
    if (search) params.set('q', search);
    if (roleFilter) params.set('role', roleFilter);
    if (target > 1) params.set('page', String(target));
    const query = params.toString();
    return query ? `/admin/personnes?${query}` : '/admin/personnes';
  };
  const people = await fetchPeoplePage(person, { search, role: roleFilter, page: pageNumber, pageSize: PAGE_SIZE });
  const totalPages = Math.max(1, Math.ceil(people.total / PAGE_SIZE));
  const roleOptions = ROLES.map((value) => ({ value, label: roles(value) }));
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <form method="get" className="inline-form" role="search">
        <span className="field">
          <label htmlFor="q">{t('searchLabel')}</label>
          <input id="q" name="q" defaultValue={q} />
        </span>
        <span className="field">
          <label htmlFor="role">{t('roleFilter')}</label>
          <select id="role" name="role" defaultValue={roleFilter ?? ''}>
            <option value="">{t('anyRole')}</option>
            {roleOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </span>
        <button type="submit" className="link-button">
          {t('search')}
        </button>
      </form>
      {people.items.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <TableScroll captionId="personnes-legende">
          <table className="data-table">
            <caption id="personnes-legende">{t('tableCaption', { total: people.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pseudonym')}</th>
                <th scope="col">{t('neighbourhood')}</th>
                <th scope="col">{t('roles')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {people.items.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <PersonName name={row.pseudonym} />
                  </th>
                  <td>{row.neighbourhood ? <Content>{row.neighbourhood}</Content> : '—'}</td>
                  <td>{row.roles.map((r) => roles(r)).join(', ')}</td>
                  <td>
                    <RoleChangeForm
                      action={changeRole}
                      personId={row.id}
                      pseudonym={row.pseudonym}
                      roleLabel={t.rich('roleToChange', personValues('pseudonym', row.pseudonym, peopleT('deletedAccount')))}
                      roles={roleOptions}
                      grantLabel={t('grant')}
                      revokeLabel={t('revoke')}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {totalPages > 1 || pageNumber > 1 ? (
        <Pagination
          page={pageNumber}
          totalPages={totalPages}
          hrefAt={hrefAt}
          texts={{ label: t('paginationLabel'), previous: t('previous'), next: t('next'), status: t('pageStatus', { page: pageNumber, totalPages }) }}
        />
      ) : null}
      <p>
        <Link href="/journal">{t('journalLink')}</Link>
      </p>
    </>
  );
}
