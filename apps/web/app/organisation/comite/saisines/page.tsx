import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { ActionForm, Field, Hidden, SelectField, TextAreaField } from '@/components/forms/ActionForm';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { fetchAdvisoryPanel } from '@/features/advisory-panel/queries';
import { requirePerson } from '@/features/identity/session';
import { createReferral, linkSeat } from '@/features/recommendations/actions';
import { ReferralList } from '@/features/recommendations/components/ReferralList';
import { recommendationLabels } from '@/features/recommendations/labels';
import { ORGANIZER_REFERRALS_PATH, WORKSPACE_PATH } from '@/features/recommendations/paths';
import { fetchReferrals, fetchWorkspace } from '@/features/recommendations/queries';

type Props = { searchParams: Promise<{ consultation?: string; proposition?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Recommendations.organize'))('metaTitle') };
}

const CONSULTATION = /^CO-\d{4}-\d{3,}$/;
const PROPOSAL = /^PR-\d{4}-\d{3,}$/;

/**
 * The organizers' side of the panel's work: refer a consultation's results or
 * a qualified proposal to the panel (the consultation and proposal pages link
 * here with the reference filled in), follow the referrals, and link each
 * seat to the account of the person holding it.
 */
export default async function OrganizerReferralsPage({ searchParams }: Props) {
  await requirePerson(ORGANIZER_REFERRALS_PATH);
  const [t, f, labels, workspace, query] = await Promise.all([
    getTranslations('Recommendations.organize'),
    getTranslations('RecommendationForms'),
    recommendationLabels(),
    fetchWorkspace(),
    searchParams,
  ]);
  if (!workspace?.viewer.can['recommendations.link-seat'].allowed) {
    return (
      <PageHeader title={t('forbiddenTitle')} lead={t('forbidden')}>
        <p>
          <Link href="/comite">{t('back')}</Link>
        </p>
      </PageHeader>
    );
  }
  const [referrals, panel] = await Promise.all([fetchReferrals(), fetchAdvisoryPanel()]);
  const consultation = query.consultation && CONSULTATION.test(query.consultation) ? query.consultation : '';
  const proposal = query.proposition && PROPOSAL.test(query.proposition) ? query.proposition : '';
  const source = consultation ? 'consultation' : proposal ? 'proposal' : 'consultation';
  const sources = (['consultation', 'proposal'] as const).map((value) => ({ value, label: labels.source(value) }));
  const members = panel.members.filter((member) => member.state === 'active' || member.state === 'invited');
  return (
    <>
      <p>
        <Link href="/organisation/comite">{t('back')}</Link> · <Link href={WORKSPACE_PATH}>{t('workspace')}</Link>
      </p>
      <PageHeader title={t('title')} lead={t('lead')} />
      <section className="section" aria-labelledby="saisir">
        <h2 id="saisir">{t('newTitle')}</h2>
        <ActionForm
          action={createReferral}
          submitLabel={f('referral.submit')}
          errorSummaryLabel={f('errorSummary')}
          labels={{ source: f('referral.source'), consultation: f('referral.consultation'), proposal: f('referral.proposal'), title: f('referral.title'), question: f('referral.question'), dataUse: f('referral.dataUse') }}
        >
          <SelectField name="source" label={f('referral.source')} options={sources} defaultValue={source} />
          <Field name="consultation" label={f('referral.consultation')} hint={f('referral.consultationHint')} defaultValue={consultation} />
          <Field name="proposal" label={f('referral.proposal')} hint={f('referral.proposalHint')} defaultValue={proposal} />
          <Field name="title" label={f('referral.title')} />
          <TextAreaField name="question" label={f('referral.question')} hint={f('referral.questionHint')} lang="fr" />
          <Field name="dataUse" label={f('referral.dataUse')} hint={f('referral.dataUseHint')} />
        </ActionForm>
      </section>
      <section className="section" aria-labelledby="saisines">
        <h2 id="saisines">{t('listTitle')}</h2>
        {referrals.length === 0 ? <p>{t('none')}</p> : <ReferralList referrals={referrals} labels={labels} />}
      </section>
      <section className="section" aria-labelledby="sieges">
        <h2 id="sieges">{t('seatsTitle')}</h2>
        <p className="prose">{t('seatsLead')}</p>
        {members.length === 0 ? (
          <p>{t('noMembers')}</p>
        ) : (
          <>
            <ActionForm action={linkSeat} submitLabel={f('seat.link')} errorSummaryLabel={f('errorSummary')} labels={{ memberId: f('seat.member'), personId: f('seat.person') }}>
              <SelectField name="memberId" label={f('seat.member')} options={members.map((member) => ({ value: member.id, label: `${member.displayName} — ${labels.seatType(member.seatType)}`, lang: 'fr' }))} />
              <Field name="personId" label={f('seat.person')} hint={f('seat.personHint')} />
            </ActionForm>
            <h3>{t('unlinkTitle')}</h3>
            <ActionForm action={linkSeat} submitLabel={f('seat.unlink')} errorSummaryLabel={f('errorSummary')} variant="secondary" labels={{ memberId: f('seat.member') }}>
              <Hidden name="intent" value="unlink" />
              <SelectField name="memberId" label={f('seat.member')} options={members.map((member) => ({ value: member.id, label: `${member.displayName} — ${labels.seatType(member.seatType)}`, lang: 'fr' }))} />
            </ActionForm>
          </>
        )}
      </section>
    </>
  );
}
