import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { fetchMe } from '@/features/identity/queries';
import { requirePerson } from '@/features/identity/session';
import { openSpace } from '@/features/moderation/actions';
import { RulesForm } from '@/features/moderation/components/RulesForm';
import { fetchOpenableProposal, fetchSpaceOfProposal, now } from '@/features/moderation/queries';
import { newSpaceDefaults, rulesWords } from '@/features/moderation/rules-words';
import { fetchNeighbourhoodChoices } from '@/features/proposals/queries';
import { Content } from '@/i18n/content';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Moderation.open'))('metaTitle') };
}

/** The organising team opens a deliberation space on an accepted proposal, with its rules. */
export default async function OpenSpacePage({ searchParams }: { searchParams: Promise<{ proposition?: string }> }) {
  const { proposition = '' } = await searchParams;
  const person = await requirePerson(`/organisation/debats/nouveau${proposition ? `?proposition=${encodeURIComponent(proposition)}` : ''}`);
  const t = await getTranslations('Moderation.open');
  const me = await fetchMe(person);
  if (!me.can['proposals.organize'].allowed) {
    return (
      <PageHeader title={t('forbiddenTitle')} lead={t('forbiddenLead')}>
        <p>
          <Link href="/debats">{t('back')}</Link>
        </p>
      </PageHeader>
    );
  }
  const proposal = await fetchOpenableProposal(proposition);
  if (!proposal) {
    return (
      <PageHeader title={t('title')} lead={t('noProposal')}>
        <p>
          <Link href="/debats">{t('back')}</Link>
        </p>
      </PageHeader>
    );
  }
  const existing = await fetchSpaceOfProposal(proposal.reference);
  if (existing) {
    return (
      <PageHeader title={t('title')} lead={t('alreadyOpen')}>
        <p>
          <Link href={`/debats/${existing.id}/regles`}>{t('seeRules')}</Link>
        </p>
      </PageHeader>
    );
  }
  return (
    <>
      <PageHeader title={t('title')} lead={t.rich('lead', { title: proposal.title ?? proposal.reference, reference: proposal.reference, fr: (chunks) => <Content>{chunks}</Content> })} />
      <RulesForm
        mode="open"
        action={openSpace}
        reference={proposal.reference}
        defaults={newSpaceDefaults(now())}
        neighbourhoods={(await fetchNeighbourhoodChoices()).map((n) => ({ id: n.id, name: n.name }))}
        words={await rulesWords(t('submit'))}
      />
    </>
  );
}
