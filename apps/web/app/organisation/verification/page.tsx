import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { ActionForm, Field, Hidden, SelectField } from '@/components/forms/ActionForm';
import { PageHeader } from '@/components/ui/PageHeader';
import { fetchMe, fetchNeighbourhoods } from '@/features/identity/queries';
import { requirePerson } from '@/features/identity/session';
import { importCensus, revokeBatch } from '@/features/verification/actions';
import { fetchInvitationBatches } from '@/features/verification/queries';
import { CONTENT_LANG } from '@/i18n/config';
import { Content, fr } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';
import { TableScroll } from '@/components/ui/TableScroll';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Organisation'))('title') };
}

/** After a refused batch, the form's values come back in the address (codes/route.ts), to be shown again. */
type Props = { searchParams: Promise<{ erreur?: string; neighbourhoodId?: string; count?: string; label?: string; format?: string }> };

export default async function OrganisationVerificationPage({ searchParams }: Props) {
  const person = await requirePerson('/organisation/verification');
  const [t, form, dates] = [await getTranslations('Organisation'), await getTranslations('Form'), await getDateWords()];
  const me = await fetchMe(person);
  if (!me.can['verification.manage'].allowed) {
    return <PageHeader title={t('forbiddenTitle')} lead={t('forbiddenLead')} />;
  }
  const { erreur, ...typed } = await searchParams;
  const [neighbourhoods, batches] = await Promise.all([fetchNeighbourhoods(), fetchInvitationBatches(person)]);
  const neighbourhoodOptions = neighbourhoods.map((n) => ({ value: n.id, label: n.name, lang: CONTENT_LANG }));
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />

      <section className="account-section" aria-labelledby="batch">
        <h2 id="batch">{t('batchTitle')}</h2>
        {erreur ? (
          <div role="alert" className="notice notice--error">
            {erreur.slice(0, 500)}
          </div>
        ) : null}
        <p>{t('codesOnce')}</p>
        {/* A plain form: the answer is a file to download. */}
        <form method="post" action="/organisation/verification/codes" className="form">
          <div className="field">
            <label htmlFor="batch-neighbourhood">{t('neighbourhoodLabel')}</label>
            <select id="batch-neighbourhood" name="neighbourhoodId" defaultValue={typed.neighbourhoodId}>
              {neighbourhoodOptions.map((option) => (
                <option key={option.value} value={option.value} lang={option.lang}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="batch-count">{t('countLabel')}</label>
            <input id="batch-count" name="count" type="number" min={1} max={2000} defaultValue={typed.count ?? 50} inputMode="numeric" required />
          </div>
          <div className="field">
            <label htmlFor="batch-label">{t('labelLabel')}</label>
            <p className="hint" id="batch-label-hint">
              {t('labelHint')}
            </p>
            <input id="batch-label" name="label" required maxLength={120} defaultValue={typed.label} aria-describedby="batch-label-hint" />
          </div>
          <fieldset className="field">
            <legend>{t('formatLabel')}</legend>
            <label>
              <input type="radio" name="format" value="pdf" defaultChecked={typed.format !== 'csv'} /> {t('format_pdf')}
            </label>
            <label>
              <input type="radio" name="format" value="csv" defaultChecked={typed.format === 'csv'} /> {t('format_csv')}
            </label>
          </fieldset>
          <div>
            <button type="submit" className="link-button">
              {t('create')}
            </button>
          </div>
        </form>
      </section>

      <section className="account-section" aria-labelledby="batches">
        <h2 id="batches">{t('batchesTitle')}</h2>
        {batches.length === 0 ? (
          <p>{t('noBatches')}</p>
        ) : (
          <TableScroll captionId="lots-legende">
            <table className="data-table">
              <caption id="lots-legende">{t('batchesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('batchLabel')}</th>
                  <th scope="col">{t('batchNeighbourhood')}</th>
                  <th scope="col">{t('batchDate')}</th>
                  <th scope="col">{t('batchTotal')}</th>
                  <th scope="col">{t('batchUsed')}</th>
                  <th scope="col">{t('batchRevoked')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('revoke')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {batches.map((batch) => (
                  <tr key={batch.id}>
                    <th scope="row">
                      <Content>{batch.label}</Content>
                    </th>
                    <td>
                      <Content>{batch.neighbourhood.name}</Content>
                    </td>
                    <td>{dates.date(batch.createdAt)}</td>
                    <td>{batch.total}</td>
                    <td>{batch.used}</td>
                    <td>{batch.revoked}</td>
                    <td>
                      {batch.total - batch.used - batch.revoked > 0 ? (
                        <ActionForm action={revokeBatch} submitLabel={t('revoke')} errorSummaryLabel={form('errorSummary')} variant="secondary" inline>
                          <Hidden name="batchId" value={batch.id} />
                          <Hidden name="revoked" value={String(batch.revoked)} />
                        </ActionForm>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section className="account-section" aria-labelledby="census">
        <h2 id="census">{t('censusTitle')}</h2>
        <p>{t.rich('censusLead', { fr })}</p>
        <ActionForm action={importCensus} submitLabel={t('import')} errorSummaryLabel={form('errorSummary')}>
          <Field name="file" type="file" label={t('censusFile')} accept=".csv,text/csv" required />
          <SelectField name="neighbourhoodId" label={t('censusDefault')} defaultValue="" options={[{ value: '', label: t('censusNone') }, ...neighbourhoodOptions]} />
        </ActionForm>
      </section>
    </>
  );
}
