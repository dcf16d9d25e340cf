import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { fetchMe } from '@/features/identity/queries';
import { currentPerson } from '@/features/identity/session';
import styles from '@/features/moderation/components/moderation.module.css';
import { SpaceLinks } from '@/features/moderation/components/SpaceLinks';
import { fetchQueue, fetchSubjectsWithSpaces } from '@/features/moderation/queries';
import { Content } from '@/i18n/content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Moderation.spaces'))('metaTitle') };
}

/**
 * The deliberation spaces: each with its thread, public log and figures; to
 * moderators what waits in its queue, to facilitators its workshop form, to
 * the organising team its rules — and the accepted proposals that have no
 * space yet, to open one.
 */
export default async function SpacesPage() {
  const person = await currentPerson();
  const [t, subjects, me] = [await getTranslations('Moderation.spaces'), await fetchSubjectsWithSpaces(), person ? await fetchMe(person) : null];
  const withSpace = subjects.filter((subject) => subject.space !== null);
  const organize = me?.can['proposals.organize'].allowed ?? false;
  const withoutSpace = organize ? subjects.filter((subject) => subject.space === null) : [];
  const queues = await Promise.all(
    withSpace.map(async ({ space }) => (person && space!.viewer.can['deliberations.moderate'].allowed ? fetchQueue(person, space!.id).catch(() => null) : null)),
  );
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')}>
        <ul className={styles.links}>
          <li>
            <Link href="/moderation">{t('log')}</Link>
          </li>
          <li>
            <Link href="/moderation/transparence">{t('transparency')}</Link>
          </li>
        </ul>
      </PageHeader>
      <section aria-labelledby="espaces" className="section">
        <h2 id="espaces">{t('listTitle', { count: withSpace.length })}</h2>
        {withSpace.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <ul className={styles.spaces}>
            {withSpace.map(({ reference, title, space }, index) => {
              const queue = queues[index];
              return (
                <li key={reference} className={styles.item}>
                  <h3>
                    <Link href={`/propositions/${reference}`}>
                      <Content>{title}</Content>
                    </Link>
                  </h3>
                  <p className={styles.muted}>
                    {reference} · {t(`phases.${space!.phase}` as never)} · {t('counts', { online: space!.counts.online, workshop: space!.counts.workshop })}
                  </p>
                  {queue ? (
                    <p>
                      <Link href={`/debats/${space!.id}/moderation`}>{t('queue', { count: queue.items.length, appeals: queue.appeals?.length ?? 0 })}</Link>
                    </p>
                  ) : null}
                  <SpaceLinks space={space!} inList />
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {organize ? (
        <section aria-labelledby="sans-espace" className="section">
          <h2 id="sans-espace">{t('withoutTitle', { count: withoutSpace.length })}</h2>
          <p className="prose">{t('withoutLead')}</p>
          {withoutSpace.length === 0 ? (
            <p>{t('withoutEmpty')}</p>
          ) : (
            <ul className={styles.spaces}>
              {withoutSpace.map(({ reference, title }) => (
                <li key={reference} className={styles.item}>
                  <h3 id={`sans-espace-${reference}`}>
                    <Link href={`/propositions/${reference}`}>
                      <Content>{title}</Content>
                    </Link>
                  </h3>
                  <p>
                    <Link href={`/organisation/debats/nouveau?proposition=${reference}`} aria-describedby={`sans-espace-${reference}`}>
                      {t('open')}
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}
