import type { ProposalDto } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { CONTENT_LANG } from '@/i18n/config';
import { Content } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';

import { proposalLabels } from '../labels';
import { renderProposalMarkdown } from '../markdown';
import styles from './proposals.module.css';
import { StateBadge } from './StateBadge';

/** The published reason of the proposal's current state (not admissible, not selected, withdrawn), if one was given. */
export function stateReason(proposal: Pick<ProposalDto, 'state' | 'timeline'>): string | null {
  const event = proposal.timeline.findLast((step) => step.state === proposal.state);
  return event?.reason.trim() ? event.reason : null;
}

/** The facts of a proposal: kind, state (with its reason), data use (or the unlisted one), neighbourhood, author, date. */
export async function ProposalFacts({ proposal }: { proposal: ProposalDto }) {
  const [t, labels, dates, forms] = [await getTranslations('Proposals.page'), proposalLabels(await getTranslations('Proposals.labels')), await getDateWords(), await getTranslations('ProposalForms')];
  const submitted = proposal.submittedAt ? new Date(proposal.submittedAt) : null;
  const reason = stateReason(proposal);
  return (
    <dl className={styles.facts} aria-label={t('detailsLabel')}>
      <dt>{t('state')}</dt>
      <dd>
        <StateBadge state={proposal.state} labelled />
        {reason ? (
          // Written by the organizers (or the author) in French: marked so in the English interface.
          <p className="prewrap">
            {forms('stateReason')} <span lang={CONTENT_LANG}>{reason}</span>
          </p>
        ) : null}
      </dd>
      <dt>{t('kind')}</dt>
      <dd>{labels.kind(proposal.kind)}</dd>
      <dt>{t('dataUse')}</dt>
      <dd>
        {proposal.dataUse ? (
          <p>
            <Link href={`/registre/${proposal.dataUse.reference}`}>
              <Content>{proposal.dataUse.title}</Content>
            </Link>
          </p>
        ) : null}
        {proposal.unlistedDataUse ? (
          <>
            <p>
              <strong>{t('unlisted')}</strong>
            </p>
            <p className="prewrap" lang={CONTENT_LANG}>
              {proposal.unlistedDataUse}
            </p>
          </>
        ) : null}
        {!proposal.dataUse && !proposal.unlistedDataUse ? <p className={styles.muted}>{t('notWritten')}</p> : null}
      </dd>
      <dt>{t('neighbourhood')}</dt>
      <dd>{proposal.neighbourhood ? <Content>{proposal.neighbourhood.name}</Content> : t('noNeighbourhood')}</dd>
      {submitted && !Number.isNaN(submitted.getTime()) ? (
        <>
          <dt>{t('submittedOnLabel')}</dt>
          <dd>
            <time dateTime={proposal.submittedAt!}>{dates.date(submitted)}</time>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** What the author wrote, rendered by the one Markdown renderer (the preview shows exactly this). */
export async function ProposalTexts({ proposal }: { proposal: ProposalDto }) {
  const t = await getTranslations('Proposals.page');
  const sections = [
    { id: 'ce-que-je-propose', title: t('bodyTitle'), text: proposal.content.body },
    { id: 'pourquoi', title: t('whyTitle'), text: proposal.content.why },
    { id: 'effet-attendu', title: t('effectTitle'), text: proposal.content.expectedEffect },
  ];
  return (
    <div className={styles.text}>
      {sections.map((section) => {
        const html = renderProposalMarkdown(section.text);
        return (
          <section key={section.id} aria-labelledby={section.id}>
            <h2 id={section.id}>{section.title}</h2>
            {html ? (
              // Safe: renderProposalMarkdown escapes raw HTML and keeps only http(s) and mailto links.
              <div className={styles.markdown} lang={CONTENT_LANG} dangerouslySetInnerHTML={{ __html: html }} />
            ) : (
              <p className={styles.muted}>{t('notWritten')}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
