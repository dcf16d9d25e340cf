import { OPEN_DATA_LICENCE, OPEN_DATA_USE_FIELDS } from '@sesame/domain';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';

import { ApiLink } from '@/components/ui/ApiLink';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { fr } from '@/i18n/content';
import { TableScroll } from '@/components/ui/TableScroll';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('DonneesOuvertes');
  return { title: t('metaTitle') };
}

const futureDatasets = ['consultations', 'comite'] as const;

/** A download: its link and its address, for people who script. */
function Download({ href, label }: { href: `/api/v1/${string}`; label: string }) {
  return (
    <li>
      <ApiLink href={href}>{label}</ApiLink> (<code className="break-anywhere">{href}</code>)
    </li>
  );
}

/** How each CSV column of the register maps to the record and to the UK ATRS and Eurocities standards. */
async function RegisterFieldsTable() {
  const [t, locale] = [await getTranslations('DonneesOuvertes'), await getLocale()];
  // The descriptions come with the dataset, in French; the standards' field names are in English.
  const descriptionLang = locale === 'fr' ? undefined : 'fr';
  const standardLang = locale === 'en' ? undefined : 'en';
  const standard = (value: string | null) => (value === null ? <span>{t('registerNoEquivalent')}</span> : <span lang={standardLang}>{value}</span>);
  return (
    <TableScroll captionId="registre-colonnes">
      <table className="data-table">
        <caption id="registre-colonnes">{t('registerFieldsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registerColColumn')}</th>
            <th scope="col">{t('registerColPath')}</th>
            <th scope="col">{t('registerColDescription')}</th>
            <th scope="col">{t('registerColAtrs')}</th>
            <th scope="col">{t('registerColEurocities')}</th>
          </tr>
        </thead>
        <tbody>
          {OPEN_DATA_USE_FIELDS.map((field) => (
            <tr key={field.column}>
              <th scope="row">
                <code>{field.column}</code>
              </th>
              <td>
                <code className="break-anywhere">{field.path}</code>
              </td>
              <td lang={descriptionLang}>{field.description}</td>
              <td>{standard(field.atrs)}</td>
              <td>{standard(field.eurocities)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export default async function OpenDataPage() {
  const t = await getTranslations('DonneesOuvertes');

  return (
    <>
      <div className="prose">
        <PageHeader title={t('title')} lead={t('lead')} />
      </div>

      <section aria-labelledby="registre-title" className="section" id="registre">
        <div className="prose">
          <h2 id="registre-title">{t('registerTitle')}</h2>
          <p>{t('register')}</p>
          <ul>
            <li>
              <Link href="/registre">{t('registerPage')}</Link>
            </li>
            <li>
              <ApiLink href="/api/v1/open-data/data-uses.csv">{t('registerCsv')}</ApiLink> (<code>/api/v1/open-data/data-uses.csv</code>)
            </li>
            <li>
              <ApiLink href="/api/v1/open-data/data-uses.json">{t('registerJson')}</ApiLink> (<code>/api/v1/open-data/data-uses.json</code>)
            </li>
            <li>
              <ApiLink href="/api/v1/open-data/data-uses.atom">{t('registerAtom')}</ApiLink> (<code>/api/v1/open-data/data-uses.atom</code>)
            </li>
          </ul>
          <p>{t('registerLicence', { licence: OPEN_DATA_LICENCE })}</p>
          <h3>{t('registerFieldsTitle')}</h3>
          <p>{t('registerFieldsIntro')}</p>
        </div>
        <RegisterFieldsTable />
      </section>

      <div className="prose">
        <section aria-labelledby="journal-title" className="section">
          <h2 id="journal-title">{t('journalTitle')}</h2>
          <p>{t('journal')}</p>
          <ul>
            <li>
              <Link href="/journal">{t('journalPage')}</Link>
            </li>
            <li>
              <ApiLink href="/api/v1/audit-log">{t('journalJson')}</ApiLink> (<code>/api/v1/audit-log</code>)
            </li>
            <li>
              <ApiLink href="/api/v1/audit-log/verification">{t('journalVerification')}</ApiLink> (
              <code>/api/v1/audit-log/verification</code>)
            </li>
          </ul>
        </section>

        <section aria-labelledby="propositions-title" className="section">
          <h2 id="propositions-title">{t('proposalsTitle')}</h2>
          <p>{t('proposals')}</p>
          <ul>
            <li>
              <Link href="/propositions">{t('proposalsPage')}</Link>
            </li>
            <Download href="/api/v1/open-data/proposals.csv" label={t('proposalsCsv')} />
            <Download href="/api/v1/open-data/proposals.json" label={t('proposalsJson')} />
            <Download href="/api/v1/open-data/proposals.atom" label={t('proposalsAtom')} />
          </ul>
        </section>

        <section aria-labelledby="debats-title" className="section" id="debats">
          <h2 id="debats-title">{t('debatesTitle')}</h2>
          <p>{t('debates')}</p>
          <ul>
            <li>
              <Link href="/moderation">{t('debatesPage')}</Link>
            </li>
            <Download href="/api/v1/open-data/contributions.csv" label={t('contributionsCsv')} />
            <Download href="/api/v1/open-data/contributions.json" label={t('contributionsJson')} />
            <Download href="/api/v1/open-data/moderation-log.csv" label={t('moderationLogCsv')} />
            <Download href="/api/v1/open-data/moderation-log.json" label={t('moderationLogJson')} />
          </ul>
        </section>

        <section aria-labelledby="cartes-des-opinions-title" className="section" id="cartes-des-opinions">
          <h2 id="cartes-des-opinions-title">{t('opinionMapsTitle')}</h2>
          <p>{t('opinionMaps')}</p>
          <ul>
            <Download href="/api/v1/open-data/opinion-maps.csv" label={t('opinionMapsCsv')} />
            <Download href="/api/v1/open-data/opinion-maps.json" label={t('opinionMapsJson')} />
            <Download href="/api/v1/open-data/opinion-maps.atom" label={t('opinionMapsAtom')} />
          </ul>
          <p>{t.rich('opinionMapsFiles', { code: (chunks) => <code className="break-anywhere">{chunks}</code> })}</p>
          <p>{t.rich('opinionMapsRecompute', { code: (chunks) => <code className="break-anywhere">{chunks}</code> })}</p>
        </section>

        <section aria-labelledby="api-title" className="section">
          <h2 id="api-title">{t('apiTitle')}</h2>
          <p>{t('api')}</p>
          <p>
            <ApiLink href="/api/v1/docs">{t('apiDocs')}</ApiLink>
          </p>
        </section>

        <section aria-labelledby="licence-title" className="section">
          <h2 id="licence-title">{t('licenceTitle')}</h2>
          <p>{t.rich('licence', { fr })}</p>
        </section>

        <section aria-labelledby="future-title" className="section">
          <h2 id="future-title">{t('futureTitle')}</h2>
          <p>{t('futureIntro')}</p>
          <ul>
            {futureDatasets.map((key) => (
              <li key={key}>{t(`future.${key}`)}</li>
            ))}
          </ul>
          <p>{t('noPersonalData')}</p>
        </section>
      </div>
    </>
  );
}
