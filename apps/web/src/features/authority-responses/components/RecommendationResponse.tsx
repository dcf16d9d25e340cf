import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { fetchAdvisoryPanel } from '@/features/advisory-panel/queries';

import { panelPagePath, trackingPath } from '../paths';
import { fetchAuthorityResponse } from '../queries';
import { PanelForms, type GroupCandidate } from './PanelForms';
import { ResponseBlock } from './ResponseBlock';
import styles from './authority-responses.module.css';

/**
 * The town's answer on a published recommendation's public page: the answer,
 * the actions with their progress, the progress reports and the panel's
 * verification, the score and evaluation, the follow-up group, the review
 * date. Members are pointed to the panel's page to verify and score; the
 * town's representative to its tracking page. Nothing for a recommendation
 * that is not published.
 */
export async function PublicResponse({ reference }: { reference: string }) {
  const view = await fetchAuthorityResponse(reference);
  if (!view) return null;
  const t = await getTranslations('AuthorityResponses.links');
  const can = view.viewer.can;
  const panel = can['authority-responses.verify'].allowed && view.response !== null;
  const town = can['authority-responses.answer'].allowed || can['authority-responses.track'].allowed;
  return (
    <>
      <ResponseBlock view={view} />
      {panel || town ? (
        <p className={styles.linkRow}>
          {panel ? <Link href={`${panelPagePath(reference)}#suivi-du-comite`}>{t('panel')}</Link> : null}
          {town ? <Link href={trackingPath(reference)}>{view.response ? t('track') : t('answer')}</Link> : null}
        </p>
      ) : null}
    </>
  );
}

/** The town's answer in the panel's workspace, with the members' forms (verify, score, follow-up group); nothing before publication. */
export async function PanelResponse({ reference }: { reference: string }) {
  const view = await fetchAuthorityResponse(reference);
  if (!view) return null;
  const can = view.viewer.can;
  const candidates: GroupCandidate[] = can['authority-responses.name-follow-up'].allowed
    ? (await fetchAdvisoryPanel()).members.flatMap((member) => (member.state === 'active' && member.displayName ? [{ id: member.id, displayName: member.displayName }] : []))
    : [];
  return (
    <>
      <ResponseBlock view={view} />
      <PanelForms view={view} candidates={candidates} />
    </>
  );
}
