import { getTranslations } from 'next-intl/server';

import { ApiLink } from './ApiLink';
import { Link } from './Link';

type Props = {
  /** The dataset's name in the API's open-data routes (`/api/v1/open-data/<dataset>.csv|json|atom`). */
  dataset: string;
  /** The messages namespace holding openDataTitle, openDataText, csv, json and atom. */
  namespace: 'Proposals.list' | 'Register.list';
  /** Where the dataset's fields are explained, and the link's text. */
  doc?: { href: string; label: string };
};

/** A list's open-data section: the same dataset as CSV, JSON and an Atom feed. */
export async function OpenDataLinks({ dataset, namespace, doc }: Props) {
  const t = await getTranslations(namespace);
  return (
    <section aria-labelledby="donnees-ouvertes" className="section">
      <h2 id="donnees-ouvertes">{t('openDataTitle')}</h2>
      <p>{t('openDataText')}</p>
      <ul>
        {(['csv', 'json', 'atom'] as const).map((format) => (
          <li key={format}>
            <ApiLink href={`/api/v1/open-data/${dataset}.${format}`}>{t(format)}</ApiLink>
          </li>
        ))}
        {doc ? (
          <li>
            <Link href={doc.href}>{doc.label}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
