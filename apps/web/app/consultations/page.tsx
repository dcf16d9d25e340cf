import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { PageHeader } from '@/components/ui/PageHeader';
import { ConsultationCard } from '@/features/consultations/components/Sections';
import styles from '@/features/consultations/components/consultations.module.css';
import { fetchConsultations } from '@/features/consultations/queries';
import { currentPerson } from '@/features/identity/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Consultation.list'))('metaTitle') };
}

const OPEN = ['information', 'deliberation', 'vote'];
// Counting: the vote is closed, its results come with the polling stations' counts.
const CLOSED = ['counting', 'results', 'referral'];

/** Every published consultation, by phase: open now, upcoming, closed with results (cancelled ones last). */
export default async function ConsultationsPage() {
  const t = await getTranslations('Consultation.list');
  const all = await fetchConsultations(await currentPerson());
  const groups = [
    { id: 'ouvertes', title: t('open'), empty: t('openEmpty'), items: all.filter((c) => OPEN.includes(c.state)) },
    { id: 'a-venir', title: t('upcoming'), empty: t('upcomingEmpty'), items: all.filter((c) => c.state === 'scheduled') },
    { id: 'closes', title: t('closed'), empty: t('closedEmpty'), items: all.filter((c) => CLOSED.includes(c.state)) },
    { id: 'annulees', title: t('cancelled'), empty: null, items: all.filter((c) => c.state === 'cancelled') },
  ];
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      {groups.map((group) =>
        group.items.length === 0 && group.empty === null ? null : (
          <section key={group.id} aria-labelledby={group.id}>
            <h2 id={group.id}>{group.title}</h2>
            {group.items.length === 0 ? (
              <p>{group.empty}</p>
            ) : (
              <ul className={styles.list}>
                {group.items.map((c) => (
                  <ConsultationCard key={c.reference} consultation={c} />
                ))}
              </ul>
            )}
          </section>
        ),
      )}
    </>
  );
}
