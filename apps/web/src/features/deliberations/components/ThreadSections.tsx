import { CONTRIBUTION_SORTS, STANCES, type ContributionDto, type DeliberationDto } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { Content } from '@/i18n/content';
import { getDateWords } from '@/i18n/dates';
import { CONTENT_LANG } from '@/i18n/config';

import { moderationLogPath, signInHref, transparencyPath } from '../paths';
import { contributionAnchor, type ThreadView } from '../thread';
import styles from './deliberations.module.css';
import { PostForm } from './PostForm';
import { reasonName } from './reason-name';
import { StanceBadge } from './StanceBadge';

/** « 12 contributions en ligne, 9 recueillies en atelier ». */
export async function Counts({ space }: { space: DeliberationDto }) {
  const t = await getTranslations('Deliberations.page');
  return <p className={styles.counts}>{t('counts', { online: space.counts.online, workshop: space.counts.workshop })}</p>;
}

/** The space's published rules: moderation, who may post, dates, the reasons of its moderation policy, the version. */
export async function Rules({ space }: { space: DeliberationDto }) {
  const [t, labels, dates] = [await getTranslations('Deliberations.rules'), await getTranslations('Deliberations.labels'), await getDateWords()];
  const { rules } = space;
  return (
    <section aria-labelledby="regles" className={styles.rules}>
      <h2 id="regles">{t('title')}</h2>
      <dl className={styles.facts}>
        <dt>{t('moderation')}</dt>
        <dd>{t(`moderationMode.${rules.moderation}`)}</dd>
        <dt>{t('whoMayPost')}</dt>
        <dd>{t(`who.${rules.whoMayPost.who}`)}</dd>
        <dt>{t('dates')}</dt>
        <dd>{t('datesValue', { opens: dates.dateTime(rules.opensAt), closes: dates.dateTime(rules.closesAt) })}</dd>
        <dt>{t('autoHide')}</dt>
        <dd>{t('autoHideValue', { count: rules.autoHideThreshold })}</dd>
        <dt>{t('version')}</dt>
        <dd>
          {t('versionValue', { version: rules.version, date: dates.date(rules.publishedAt) })}
          {rules.version > 1 && rules.changeNote ? (
            <p>
              {t('changeNote')} <Content>{rules.changeNote}</Content>
            </p>
          ) : null}
        </dd>
      </dl>
      <details className={styles.disclosure}>
        <summary>{t('policyTitle', { count: rules.moderationPolicy.length })}</summary>
        <dl className={styles.policy}>
          {rules.moderationPolicy.map((reason) => (
            <div key={reason.code}>
              <dt>{reasonName(labels, reason.code)}</dt>
              <dd lang={CONTENT_LANG}>{reason.description}</dd>
            </div>
          ))}
        </dl>
      </details>
      <ul className={styles.links}>
        <li>
          <Link href={moderationLogPath(space.id)}>{t('logLink')}</Link>
        </li>
        <li>
          <Link href={transparencyPath(space.id)}>{t('transparencyLink')}</Link>
        </li>
        <li>
          <Link href="/propositions/charte">{t('charterLink')}</Link>
        </li>
      </ul>
    </section>
  );
}

function excerpt(body: string, length = 220): string {
  const plain = body.replace(/[*_>#`[\]]/g, '').replace(/\(https?:[^)]*\)/g, '').replace(/\s+/g, ' ').trim();
  return plain.length > length ? `${plain.slice(0, length - 1).trimEnd()}…` : plain;
}

/** The most appreciated arguments for and against, at the top of the thread. */
export async function Summary({ forArguments, againstArguments }: { forArguments: ContributionDto[]; againstArguments: ContributionDto[] }) {
  const [t, labels] = [await getTranslations('Deliberations.summary'), await getTranslations('Deliberations.labels')];
  const column = (stance: 'for' | 'against', items: ContributionDto[]) => (
    <div className={styles.summaryColumn}>
      <h3>{t(stance === 'for' ? 'forTitle' : 'againstTitle')}</h3>
      {items.length === 0 ? (
        <p className={styles.muted}>{t('none')}</p>
      ) : (
        <ol className={styles.summaryList}>
          {items.map((item) => (
            <li key={item.id}>
              <StanceBadge stance={stance} label={labels(`stance.${stance}`)} />{' '}
              <a href={`#${contributionAnchor(item.id)}`}>
                <Content>{excerpt(item.body ?? '')}</Content>
              </a>{' '}
              <span className={styles.muted}>
                {t('byline', { count: item.helpful })} <Content>{item.author ?? ''}</Content>
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
  return (
    <section aria-labelledby="synthese" className={styles.summary}>
      <h2 id="synthese">{t('title')}</h2>
      <div className={styles.summaryColumns}>
        {column('for', forArguments)}
        {column('against', againstArguments)}
      </div>
    </section>
  );
}

/** Sort and stance filter: a plain GET form (the address names the view; no JavaScript needed). */
export async function ThreadFilterForm({ action, view }: { action: string; view: ThreadView }) {
  const [t, labels] = [await getTranslations('Deliberations.filters'), await getTranslations('Deliberations.labels')];
  return (
    <form method="get" action={action} className={styles.filters} aria-label={t('label')}>
      <div className="field">
        <label htmlFor="tri">{t('sort')}</label>
        <select id="tri" name="tri" defaultValue={view.sort}>
          {CONTRIBUTION_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`sorts.${sort}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="position">{t('stance')}</label>
        <select id="position" name="position" defaultValue={view.stance ?? ''}>
          <option value="">{t('allStances')}</option>
          {STANCES.map((stance) => (
            <option key={stance} value={stance}>
              {labels(`stance.${stance}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button type="submit" className={styles.filterButton}>
          {t('button')}
        </button>
      </div>
    </form>
  );
}

/** The form to contribute, or why this reader cannot (sign in, get verified, not open yet, closed, suspended until…), from `viewer.can`. */
export async function Contribute({ space }: { space: DeliberationDto }) {
  const [t, dates] = [await getTranslations('Deliberations.contribute'), await getDateWords()];
  const post = space.viewer.can['deliberations.post'];
  let why;
  if (post.allowed || (post.reason === 'wrong_state' && !space.viewer.charterAccepted)) {
    // Allowed, or refused only for the charter: the form asks for it.
    why = null;
  } else if (post.reason === 'sign_in') {
    why = (
      <p>
        <Link href={signInHref(space.subject.reference)} variant="button">
          {t('signIn')}
        </Link>
      </p>
    );
  } else if (space.viewer.suspendedUntil && new Date(space.viewer.suspendedUntil) > new Date()) {
    why = <p>{t('suspended', { until: dates.dateTime(space.viewer.suspendedUntil) })}</p>;
  } else if (space.phase === 'not_open') {
    why = <p>{t('notOpen', { opens: dates.dateTime(space.rules.opensAt) })}</p>;
  } else if (space.phase === 'closed') {
    why = <p>{t('closed', { closes: dates.dateTime(space.rules.closesAt) })}</p>;
  } else if (post.reason === 'verification_needed') {
    why = (
      <>
        <p>{t('verify')}</p>
        <p>
          <Link href="/compte#verification">{t('verifyLink')}</Link>
        </p>
      </>
    );
  } else {
    why = <p>{t(space.rules.whoMayPost.who === 'verified_in_neighbourhoods' ? 'neighbourhoods' : 'forbidden')}</p>;
  }
  return (
    <section aria-labelledby="contribuer" className={styles.contribute}>
      <h2 id="contribuer">{t('title')}</h2>
      {why ?? (
        <>
          {space.rules.moderation === 'pre' ? <p className="hint">{t('preModeration')}</p> : null}
          <PostForm space={space} />
        </>
      )}
    </section>
  );
}
