import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { fetchAdvisoryPanel } from '@/features/advisory-panel/queries';
import { WorkArea } from '@/features/dashboard/components/WorkArea';
import { fetchWorkQueues } from '@/features/dashboard/queries';
import { fetchMe } from '@/features/identity/queries';
import { requirePerson } from '@/features/identity/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Dashboard'))('metaTitle') };
}

/**
 * The organizers' page: every queue, with what waits in it, each linking to
 * where the work is done. An area shows only to whom `me.can` opens it; the
 * counts come from the API, which applies the same policies.
 */
export default async function OrganisationPage() {
  const person = await requirePerson('/organisation');
  const t = await getTranslations('Dashboard');
  const me = await fetchMe(person);
  if (!me.can['dashboard.view'].allowed) {
    return (
      <PageHeader title={t('forbiddenTitle')} lead={t('forbiddenLead')}>
        <p>
          <Link href="/">{t('forbiddenBack')}</Link>
        </p>
      </PageHeader>
    );
  }
  // The panel's work area opens by the panel's own policy (its `viewer.can`).
  const [queues, advisoryPanel] = await Promise.all([fetchWorkQueues(person), fetchAdvisoryPanel()]);
  const deliberations = await getTranslations('Moderation.dashboard');
  const panel = await getTranslations('AdvisoryPanelAdmin.dashboard');
  const consultations = await getTranslations('Consultation.dashboard');
  const answers = await getTranslations('AuthorityResponses.dashboard');
  const { proposals, register, verification } = queues;

  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />

      {me.can['proposals.organize'].allowed && proposals ? (
        <WorkArea
          id="propositions"
          title={t('proposals.title')}
          queues={[
            { href: '/organisation/propositions#a-examiner', label: t('proposals.toReview', { count: proposals.toReview }), count: proposals.toReview, hint: t('proposals.toReviewHint') },
            { href: '/organisation/propositions#qualifiees', label: t('proposals.toDecide', { count: proposals.toDecide }), count: proposals.toDecide, hint: t('proposals.toDecideHint') },
            { href: '/organisation/propositions#regles', label: t('proposals.settings'), count: null },
          ]}
        />
      ) : null}

      {me.can['data-uses.create'].allowed && register ? (
        <WorkArea
          id="registre"
          title={t('register.title')}
          queues={[
            { href: '/organisation/registre#published', label: t('register.reviewOverdue', { count: register.reviewOverdue }), count: register.reviewOverdue },
            { href: '/organisation/registre#published', label: t('register.sunsetPassed', { count: register.sunsetPassed }), count: register.sunsetPassed },
            { href: '/organisation/registre#drafts', label: t('register.drafts', { count: register.drafts }), count: register.drafts },
            { href: '/registre/nouveau', label: t('register.create'), count: null },
          ]}
        />
      ) : null}

      {me.can['verification.manage'].allowed && verification ? (
        <WorkArea
          id="verification"
          title={t('verification.title')}
          queues={[
            { href: '/organisation/verification#batch', label: t('verification.unverifiedPeople', { count: verification.unverifiedPeople }), count: verification.unverifiedPeople, hint: t('verification.unverifiedHint') },
            { href: '/organisation/verification#batches', label: t('verification.unusedCodes', { count: verification.unusedCodes }), count: verification.unusedCodes },
          ]}
        />
      ) : null}

      {me.can['deliberations.record-workshop'].allowed ? (
        <WorkArea
          id="deliberations"
          title={deliberations('title')}
          queues={[
            { href: '/debats#sans-espace', label: deliberations('open'), count: null },
            { href: '/debats#espaces', label: deliberations('spaces'), count: null },
          ]}
        />
      ) : null}

      {advisoryPanel.viewer.can['advisory-panel.publish-rules'].allowed ? (
        <WorkArea id="comite" title={panel('title')} queues={[{ href: '/organisation/comite', label: panel('link'), count: null, hint: panel('hint') }]} />
      ) : null}

      {me.can['consultations.organize'].allowed ? (
        <WorkArea id="consultations" title={consultations('title')} queues={[{ href: '/organisation/consultations', label: consultations('link'), count: null, hint: consultations('hint') }]} />
      ) : null}

      {me.can['authority-responses.answer'].allowed ? (
        <WorkArea id="reponses" title={answers('title')} queues={[{ href: '/organisation/reponses', label: answers('link'), count: null, hint: answers('hint') }]} />
      ) : null}

      {me.can['identity.list-people'].allowed ? <WorkArea id="personnes" title={t('people.title')} queues={[{ href: '/admin/personnes', label: t('people.manage'), count: null }]} /> : null}
    </>
  );
}
