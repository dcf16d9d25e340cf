import { DELIBERATION_LIMITS, type DeliberationDto } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { CONTENT_LANG } from '@/i18n/config';
import { Content } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';
import { renderUserMarkdown } from '@/lib/markdown';

import { deleteContribution, editContribution, markHelpful, reportContribution } from '../actions';
import { moderationLogEntry } from '../paths';
import { canBeAnswered, contributionAnchor, groundAndFacts, type ThreadNode } from '../thread';
import styles from './deliberations.module.css';
import { PostForm } from './PostForm';
import { reasonName } from './reason-name';
import { StanceBadge } from './StanceBadge';
import { Checkbox, Choice, ReportFields, TextArea, ThreadForm } from './ThreadForm';

type Props = { node: ThreadNode; space: DeliberationDto };

/** The API's reason of a moderator's decision without its « Masquée par la modération : » (the page says it in the reader's language). */
const reasonOnly = (reason: string) => reason.replace(/^(Masquée|Refusée) par la modération\s*:?\s*/u, '').trim();


/** What a hidden, rejected or deleted contribution leaves in the thread. */
async function Tombstone({ node, space }: Props) {
  const [t, labels] = [await getTranslations('Deliberations.tombstone'), await getTranslations('Deliberations.labels')];
  const { contribution } = node;
  const tombstone = contribution.tombstone!;
  if (tombstone.state === 'deleted_by_author') return <p className={styles.tombstone}>{t('deleted')}</p>;
  if (tombstone.state === 'hidden_automatically') return <p className={styles.tombstone}>{t('hiddenAutomatically', { count: space.rules.autoHideThreshold })}</p>;
  const { code, law, facts } = groundAndFacts(reasonOnly(tombstone.reason));
  const ground = code ? `${reasonName(labels, code)}${law ? ` (${law})` : ''}` : null;
  return (
    <div className={styles.tombstone}>
      <p>
        {tombstone.state === 'rejected' ? t('rejected') : t('hidden')}
        {ground ? (
          <>
            {' '}
            {t('reason')} {ground}
          </>
        ) : null}
        {facts ? (
          <>
            {' '}
            <Content>{facts}</Content>
          </>
        ) : null}
      </p>
      <p>
        <Link href={moderationLogEntry(space.id, contribution.id)}>{t('logLink')}</Link>
      </p>
    </div>
  );
}

/** The forms under a contribution, each folded in a disclosure (works without JavaScript): reply, edit, delete, report. */
async function ContributionForms({ node, space }: Props) {
  const [t, labels] = [await getTranslations('Deliberations'), await getTranslations('Deliberations.labels')];
  const { contribution } = node;
  const can = contribution.viewer.can;
  // Every contribution has the same buttons: screen readers hear whose contribution each acts on.
  const about = contribution.author
    ? t.rich('aboutContribution', { author: contribution.author, fr: (chunks) => <Content>{chunks}</Content> })
    : t.rich('aboutContribution', { author: t('contribution.noAuthor'), fr: (chunks) => <>{chunks}</> });
  const context = <span className="visually-hidden"> {about}</span>;
  const hidden = { spaceId: space.id, reference: space.subject.reference, contributionId: contribution.id };
  const stanceOptions = (['for', 'against', 'question', 'neutral'] as const).map((stance) => ({ value: stance, label: labels(`stance.${stance}`) }));
  const reply = canBeAnswered(contribution) && can['deliberations.post'].allowed;
  // A tombstone's text is not there to judge: no helpful mark, no report.
  const readable = contribution.tombstone === null;
  const helpful = readable && can['deliberations.mark-helpful'].allowed && !contribution.viewer.markedHelpful;
  const report = readable && can['deliberations.report'].allowed && !contribution.viewer.reported;
  return (
    <div className={styles.tools}>
      {helpful || contribution.viewer.markedHelpful ? (
        <ThreadForm action={markHelpful} hidden={hidden} submitLabel={t('helpful.button')} submitContext={about} variant="secondary" compact done={contribution.viewer.markedHelpful ? t('helpful.yours') : undefined} />
      ) : null}
      {reply ? (
        <details className={styles.disclosure}>
          <summary>
            {t('reply.summary')}
            {context}
          </summary>
          <PostForm space={space} parentId={contribution.id} />
        </details>
      ) : null}
      {can['deliberations.edit'].allowed && contribution.body !== null ? (
        <details className={styles.disclosure}>
          <summary>{t('edit.summary')}</summary>
          <p className="hint">{t('edit.window', { minutes: DELIBERATION_LIMITS.editMinutes })}</p>
          <ThreadForm action={editContribution} hidden={hidden} submitLabel={t('edit.button')} labels={{ stance: t('post.stance'), body: t('post.body') }}>
            <Choice name="stance" options={stanceOptions} legend={t('post.stance')} defaultValue={contribution.stance} />
            <TextArea name="body" label={t('post.body')} hint={t('post.bodyHint', { max: DELIBERATION_LIMITS.body })} defaultValue={contribution.body} maxLength={DELIBERATION_LIMITS.body} />
          </ThreadForm>
        </details>
      ) : null}
      {can['deliberations.delete'].allowed ? (
        <details className={styles.disclosure}>
          <summary>{t('delete.summary')}</summary>
          <ThreadForm action={deleteContribution} hidden={hidden} submitLabel={t('delete.button')} variant="secondary" labels={{ confirm: t('delete.confirm') }}>
            <p>{t('delete.lead')}</p>
            <Checkbox name="confirm" label={t('delete.confirm')} />
          </ThreadForm>
        </details>
      ) : null}
      {/* Once reported, the form stays (saying so) even if the report hid it: its answer stays announced. */}
      {report || contribution.viewer.reported ? (
        <details className={styles.disclosure}>
          <summary>
            {t('report.summary')}
            {context}
          </summary>
          <p className="hint">{t('report.lead')}</p>
          <ThreadForm
            action={reportContribution}
            hidden={hidden}
            submitLabel={t('report.button')}
            variant="secondary"
            done={contribution.viewer.reported ? t('report.yours') : undefined}
            labels={{ reasonCode: t('report.reason'), law: t('report.law'), explanation: t('report.explanation') }}
          >
            <ReportFields
              reasons={space.rules.moderationPolicy.map((reason) => ({ value: reason.code, label: reasonName(labels, reason.code), description: reason.description }))}
              illegalCode="illegal_content"
              texts={{ reason: t('report.reason'), law: t('report.law'), lawHint: t('report.lawHint'), explanation: t('report.explanation'), explanationHint: t('report.explanationHint') }}
            />
          </ThreadForm>
        </details>
      ) : null}
    </div>
  );
}

/** One contribution of the thread — its stance, author, date, text or tombstone, its tools — and its replies, nested with a small indent and a left border (readable at 320 px). */
export async function ContributionItem({ node, space }: Props) {
  const [t, labels, dates] = [await getTranslations('Deliberations.contribution'), await getTranslations('Deliberations.labels'), await getDateWords()];
  const { contribution } = node;
  const anchor = contributionAnchor(contribution.id);
  const Heading = contribution.depth === 0 ? 'h3' : contribution.depth === 1 ? 'h4' : 'h5';
  // A deleted contribution shows no text, even to its author; a hidden one shows its author what was hidden.
  const html = contribution.body !== null && contribution.state !== 'deleted_by_author' ? renderUserMarkdown(contribution.body) : '';
  const workshop = contribution.workshop;
  return (
    <article id={anchor} className={contribution.depth === 0 ? styles.contribution : styles.reply} aria-labelledby={`${anchor}-titre`}>
      <header className={styles.contributionHeader}>
        <Heading id={`${anchor}-titre`} className={styles.author}>
          {contribution.author ? <Content>{contribution.author}</Content> : t('noAuthor')}
        </Heading>
        <p className={styles.meta}>
          <StanceBadge stance={contribution.stance} label={labels(`stance.${contribution.stance}`)} />{' '}
          <time dateTime={contribution.createdAt}>{dates.dateTime(contribution.createdAt)}</time>
          {contribution.edited ? <span className={styles.edited}>{t('edited')}</span> : null}
          {contribution.state === 'pending' ? <span className={styles.pending}>{t('pending')}</span> : null}
        </p>
        {workshop ? (
          <p className={styles.workshop}>
            <span className={styles.workshopBadge}>{t('workshopBadge')}</span>{' '}
            {t.rich('workshopSource', { date: dates.day(workshop.workshopDate), place: workshop.place, sheet: workshop.sheetNumber, fr: (chunks) => <Content>{chunks}</Content> })}
          </p>
        ) : null}
      </header>
      {contribution.tombstone ? <Tombstone node={node} space={space} /> : null}
      {html ? (
        <>
          {contribution.tombstone ? <p className={styles.muted}>{t('yourHiddenText')}</p> : null}
          <div className={styles.body} lang={CONTENT_LANG} dangerouslySetInnerHTML={{ __html: html }} />
        </>
      ) : null}
      {contribution.moderationNotice ? (
        <p className={styles.muted}>
          {t('moderationNotice')}
        </p>
      ) : null}
      {contribution.state === 'visible' && contribution.helpful > 0 ? <p className={styles.muted}>{t('helpfulCount', { count: contribution.helpful })}</p> : null}
      <ContributionForms node={node} space={space} />
      {node.replies.length > 0 ? (
        <ol className={styles.replies} aria-label={t('repliesLabel', { count: node.replies.length })}>
          {node.replies.map((reply) => (
            <li key={reply.contribution.id}>
              <ContributionItem node={reply} space={space} />
            </li>
          ))}
        </ol>
      ) : null}
    </article>
  );
}
