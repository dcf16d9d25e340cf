import { isCollecting, type ProposalDto } from '@sesame/domain';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';

import { ApiLink } from '@/components/ui/ApiLink';
import { Link } from '@/components/ui/Link';
import { submitProposal, withdrawProposal } from '@/features/proposals/actions';
import { Announcement } from '@/components/ui/Announcement';
import { FollowPanel, SupportPanel } from '@/features/proposals/components/Panels';
import { ProposalFacts, ProposalTexts } from '@/features/proposals/components/ProposalTexts';
import styles from '@/features/proposals/components/proposals.module.css';
import { ReasonForm } from '@/features/proposals/components/ReasonForm';
import { SubmitForm } from '@/features/proposals/components/SubmitForm';
import { Timeline } from '@/features/proposals/components/Timeline';
import { DebateLink } from '@/features/deliberations/components/DebateLink';
import { EDITOR_FIELDS, type EditorField } from '@/features/proposals/content';
import { fetchProposal, now } from '@/features/proposals/queries';
import { Content, person } from '@/i18n/content';

type Props = { params: Promise<{ reference: string }>; searchParams: Promise<{ deposee?: string; retiree?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { reference } = await params;
  const proposal = await fetchProposal(reference);
  if (!proposal) return {};
  const [t, labels] = [await getTranslations('Proposals.page'), await getTranslations('Proposals.labels')];
  return { title: t('metaTitle', { title: proposal.title || labels('untitled'), reference: proposal.reference }) };
}

/** The author's draft: "this is what others will see", the way back to the editor, and the charter and submit button. */
async function DraftBox({ proposal }: { proposal: ProposalDto }) {
  const t = await getTranslations('Proposals.page');
  return (
    <section id="apercu" className={styles.draftBox} aria-labelledby="apercu-titre">
      <h2 id="apercu-titre">{t('draftTitle')}</h2>
      <p>{t('draftNotice')}</p>
      <p>
        <Link href={`/propositions/${proposal.reference}/modifier`}>{t('edit')}</Link>
      </p>
    </section>
  );
}

async function SubmitSection({ proposal }: { proposal: ProposalDto }) {
  const [t, fields] = [await getTranslations('Proposals.submit'), await getTranslations('Proposals.fields')];
  const fieldNames = Object.fromEntries(EDITOR_FIELDS.map((field) => [field, fields(field)])) as Record<EditorField, string>;
  return (
    <section className={styles.panel} aria-labelledby="deposer">
      <h2 id="deposer">{t('title')}</h2>
      <p>{t('lead')}</p>
      <SubmitForm
        action={submitProposal}
        reference={proposal.reference}
        labels={{ charter: t('charterLabel'), charterLink: t('charterLink'), button: t('button') }}
        fieldNames={fieldNames}
      />
    </section>
  );
}

async function WithdrawSection({ proposal }: { proposal: ProposalDto }) {
  const t = await getTranslations('Proposals.withdraw');
  return (
    <section aria-labelledby="retirer">
      <h2 id="retirer">{t('title')}</h2>
      <p className="prose">{t('lead')}</p>
      <ReasonForm
        action={withdrawProposal}
        reference={proposal.reference}
        reasonLabel={t('reasonLabel')}
        reasonHint={t('reasonHint')}
        confirmLabel={t('confirmLabel')}
        buttons={[{ intent: 'withdraw', label: t('button'), variant: 'secondary' }]}
      />
    </section>
  );
}

export default async function ProposalPage({ params, searchParams }: Props) {
  const { reference } = await params;
  const proposal = await fetchProposal(reference);
  if (!proposal) notFound();
  const { deposee, retiree } = await searchParams;
  const [t, labels, card, people] = [await getTranslations('Proposals.page'), await getTranslations('Proposals.labels'), await getTranslations('Proposals.card'), await getTranslations('People')];
  const { isAuthor, can } = proposal.viewer;
  const isDraft = proposal.state === 'draft';
  const withdrawable = can['proposals.withdraw'].allowed;
  const collecting = isCollecting(proposal.state, proposal.collectingUntil ? new Date(proposal.collectingUntil) : null, now());

  return (
    <>
      {isAuthor && deposee && proposal.state === 'submitted' ? <Announcement>{t('submittedNotice')}</Announcement> : null}
      {isAuthor && retiree && proposal.state === 'withdrawn' ? <Announcement>{t('withdrawnNotice')}</Announcement> : null}

      <div className={`page-header ${styles.header}`}>
        <p className={styles.muted}>{t('reference', { reference: proposal.reference })}</p>
        <h1>{proposal.title ? <Content>{proposal.title}</Content> : labels('untitled')}</h1>
        <p>{card.rich('author', person('author', proposal.author, people('deletedAccount')))}</p>
        {/* On a phone the support box is far below the text: one tap away from the top. */}
        {isDraft ? null : (
          <p>
            <Link href="#soutenir" className={styles.jump}>
              {collecting ? t('supportJump') : t('supportersJump')}
            </Link>
          </p>
        )}
      </div>

      {can['proposals.edit'].allowed ? <DraftBox proposal={proposal} /> : null}
      {isDraft ? null : <DebateLink reference={proposal.reference} />}

      <ProposalFacts proposal={proposal} />
      <ProposalTexts proposal={proposal} />

      {isDraft ? (
        can['proposals.submit'].allowed ? <SubmitSection proposal={proposal} /> : null
      ) : (
        <>
          <SupportPanel proposal={proposal} />
          <FollowPanel proposal={proposal} />
        </>
      )}

      <Timeline proposal={proposal} />

      {withdrawable ? <WithdrawSection proposal={proposal} /> : null}

      <ul className={styles.actions}>
        <li>
          <Link href="/propositions">{t('back')}</Link>
        </li>
        {isDraft ? null : (
          <li>
            <ApiLink href={`/api/v1/proposals/${proposal.reference}`}>{t('openData')}</ApiLink>
          </li>
        )}
      </ul>
    </>
  );
}
