import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Announcement } from '@/components/ui/Announcement';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePerson } from '@/features/identity/session';
import { publishRules } from '@/features/moderation/actions';
import styles from '@/features/moderation/components/moderation.module.css';
import { RulesForm } from '@/features/moderation/components/RulesForm';
import { SpaceLinks } from '@/features/moderation/components/SpaceLinks';
import { moderationLabels } from '@/features/moderation/labels';
import { fetchSpace } from '@/features/moderation/queries';
import { currentDefaults, rulesWords } from '@/features/moderation/rules-words';
import { fetchNeighbourhoodChoices } from '@/features/proposals/queries';
import { Content } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Moderation.rules'))('metaTitle') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ ouvert?: string; version?: string }> };

/** A space's published rules, and to the organising team the form of a new version (with its change note, recorded in the log). */
export default async function SpaceRulesPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePerson(`/debats/${id}/regles`);
  const space = await fetchSpace(id);
  if (!space) notFound();
  const [t, labels, dates, query] = [await getTranslations('Moderation.rules'), await moderationLabels(), await getDateWords(), await searchParams];
  const rules = space.rules;
  const can = space.viewer.can['deliberations.publish-rules'].allowed;
  const who = rules.whoMayPost.who === 'verified_in_neighbourhoods' ? t('whoNeighbourhoods') : rules.whoMayPost.who === 'verified' ? t('whoVerified') : t('whoSignedIn');
  return (
    <>
      {query.ouvert ? <Announcement>{t('opened')}</Announcement> : query.version ? <Announcement>{t('published', { version: Number(query.version) || rules.version })}</Announcement> : null}
      <PageHeader title={t('title')} lead={t.rich('lead', { title: space.subject.title, fr: (chunks) => <Content>{chunks}</Content> })}>
        <SpaceLinks space={space} current="rules" />
      </PageHeader>

      <section aria-labelledby="en-vigueur" className="section">
        <h2 id="en-vigueur">{t('currentTitle', { version: rules.version })}</h2>
        <dl className={styles.facts}>
          <dt>{t('publishedOn')}</dt>
          <dd>{dates.dateTime(rules.publishedAt)}</dd>
          {rules.changeNote ? (
            <>
              <dt>{t('changeNote')}</dt>
              <dd>
                <Content>{rules.changeNote}</Content>
              </dd>
            </>
          ) : null}
          <dt>{t('moderation')}</dt>
          <dd>{rules.moderation === 'pre' ? t('moderationPre') : t('moderationPost')}</dd>
          <dt>{t('whoMayPost')}</dt>
          <dd>{who}</dd>
          <dt>{t('opensAt')}</dt>
          <dd>{dates.dateTime(rules.opensAt)}</dd>
          <dt>{t('closesAt')}</dt>
          <dd>{dates.dateTime(rules.closesAt)}</dd>
          <dt>{t('autoHide')}</dt>
          <dd>{rules.autoHideThreshold}</dd>
        </dl>
        <h3>{t('policy')}</h3>
        <ul>
          {rules.moderationPolicy.map((reason) => (
            <li key={reason.code}>
              <code>{reason.code}</code> : <span lang={labels.reason(reason.code, rules.moderationPolicy).lang}>{reason.description}</span>
            </li>
          ))}
        </ul>
      </section>

      {can ? (
        <section aria-labelledby="nouvelle-version" className="section">
          <h2 id="nouvelle-version">{t('newVersionTitle')}</h2>
          <p className="prose">{t('newVersionLead')}</p>
          <RulesForm
            mode="version"
            action={publishRules}
            spaceId={id}
            defaults={currentDefaults(rules)}
            neighbourhoods={(await fetchNeighbourhoodChoices()).map((n) => ({ id: n.id, name: n.name }))}
            words={await rulesWords(t('publish'))}
          />
        </section>
      ) : null}
    </>
  );
}
