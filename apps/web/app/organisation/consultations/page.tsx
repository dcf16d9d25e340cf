import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import styles from '@/features/consultations/components/consultations.module.css';
import { organizerGate } from '@/features/consultations/gate';
import { fetchConsultations } from '@/features/consultations/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Consultation.organizer'))('metaTitle') };
}

/** Organizers: drafts and every consultation, each to its management page; a new one. */
export default async function OrganizerConsultationsPage() {
  const { person, allowed } = await organizerGate('/organisation/consultations');
  const t = await getTranslations('Consultation.organizer');
  const states = await getTranslations('Consultation.states');
  if (!allowed) return <PageHeader title={t('forbidden')} />;
  const [drafts, others] = await Promise.all([fetchConsultations(person, 'draft'), fetchConsultations(person)]);
  const all = [...drafts, ...others.filter((o) => !drafts.some((d) => d.reference === o.reference))];
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')}>
        <p>
          <Link href="/organisation/consultations/nouvelle" variant="button">
            {t('new')}
          </Link>
        </p>
      </PageHeader>
      {all.length === 0 ? <p>{t('empty')}</p> : null}
      <ul className={styles.list}>
        {all.map((c) => (
          <li key={c.reference} className={styles.card}>
            <h2>
              <Link href={`/organisation/consultations/${c.reference}`}>
                <span lang="fr">{c.title}</span>
              </Link>
            </h2>
            <p className={styles.meta}>
              <span className={styles.badge}>{states(c.state)}</span> · {c.reference}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
