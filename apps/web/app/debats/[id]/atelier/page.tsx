import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { Announcement } from '@/components/ui/Announcement';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { fetchMe } from '@/features/identity/queries';
import { requirePerson } from '@/features/identity/session';
import { recordWorkshop } from '@/features/moderation/actions';
import { SpaceLinks } from '@/features/moderation/components/SpaceLinks';
import { WorkshopForm } from '@/features/moderation/components/WorkshopForm';
import { moderationLabels } from '@/features/moderation/labels';
import { fetchSpace } from '@/features/moderation/queries';
import { Content } from '@/i18n/content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Moderation.workshop'))('metaTitle') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ enregistrees?: string; fiche?: string }> };

/** A facilitator records the contributions of one workshop sheet. */
export default async function WorkshopPage({ params, searchParams }: Props) {
  const { id } = await params;
  const person = await requirePerson(`/debats/${id}/atelier`);
  const space = await fetchSpace(id);
  if (!space) notFound();
  const t = await getTranslations('Moderation.workshop');
  const can = space.viewer.can['deliberations.record-workshop'];
  if (!can.allowed) {
    return (
      <PageHeader title={t('forbiddenTitle')} lead={can.reason === 'wrong_phase' ? t('closedLead') : t('forbiddenLead')}>
        <p>
          <Link href="/debats">{t('forbiddenBack')}</Link>
        </p>
      </PageHeader>
    );
  }
  const [me, labels, form, query] = [await fetchMe(person), await moderationLabels(), await getTranslations('Moderation.form'), await searchParams];
  const recorded = Number(query.enregistrees);
  return (
    <>
      {Number.isInteger(recorded) && recorded > 0 ? (
        <Announcement>
          {t('done', { count: recorded, sheet: query.fiche ?? '' })}{' '}
          {space.subject.type === 'proposal' ? <Link href={`/propositions/${space.subject.reference}/debat`}>{t('seeThread')}</Link> : null}
        </Announcement>
      ) : null}
      <PageHeader title={t('title')} lead={t.rich('lead', { title: space.subject.title, fr: (chunks) => <Content>{chunks}</Content> })}>
        <p>{t('counts', { online: space.counts.online, workshop: space.counts.workshop })}</p>
        <SpaceLinks space={space} current="workshop" />
      </PageHeader>
      <WorkshopForm
        action={recordWorkshop}
        spaceId={id}
        facilitatorName={me.pseudonym}
        words={{
          provenance: t('provenance'),
          provenanceHint: t('provenanceHint'),
          workshopDate: t('workshopDate'),
          place: t('place'),
          placeHint: t('placeHint'),
          facilitator: t('facilitator'),
          sheetNumber: t('sheetNumber'),
          entries: t('entries'),
          entriesHint: t('entriesHint'),
          entry: t('entry', { n: '{n}' }),
          stance: t('stance'),
          stances: labels.stanceOptions(),
          body: t('body'),
          attribution: t('attribution'),
          attributionWorkshop: t('attributionWorkshop'),
          attributionParticipant: t('attributionParticipant'),
          pseudonym: t('pseudonym'),
          consent: t('consent'),
          more: t('more'),
          submit: t('submit'),
          errorSummary: form('errorSummary'),
        }}
      />
    </>
  );
}
