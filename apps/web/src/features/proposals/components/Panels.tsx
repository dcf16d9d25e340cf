import { isCollecting, type ProposalDto } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';

import { changeFollow, changeSupport } from '../actions';
import { now } from '../queries';
import { PanelForm } from './PanelForm';
import styles from './proposals.module.css';
import { SupportProgress } from './SupportProgress';

const signInHref = (reference: string) => `/connexion?retour=${encodeURIComponent(`/propositions/${reference}`)}`;

/**
 * Supports: progress to the threshold, days left, and what this reader can do
 * — sign in, get verified, support, withdraw their support — or why supports
 * are not collected now.
 */
export async function SupportPanel({ proposal }: { proposal: ProposalDto }) {
  const t = await getTranslations('Proposals.supportPanel');
  const { viewer } = proposal;
  // What the API's rules say this reader may do (the same function it enforces).
  const support = viewer.can['proposals.support'];
  const signedIn = support.reason !== 'sign_in';
  const collecting = isCollecting(proposal.state, proposal.collectingUntil ? new Date(proposal.collectingUntil) : null, now());
  const canAct = viewer.supporting ? viewer.can['proposals.withdraw-support'].allowed : support.allowed;

  let situation;
  if (!collecting || support.reason === 'wrong_state' || support.reason === 'wrong_phase') situation = <p>{t(`why.${proposal.state}`)}</p>;
  else if (!signedIn)
    situation = (
      <p>
        <Link href={signInHref(proposal.reference)} variant="button">
          {t('signIn')}
        </Link>
      </p>
    );
  else if (support.reason === 'verification_needed')
    situation = (
      <>
        <p>{t('verifyText')}</p>
        <p>
          <Link href="/compte#verification">{t('verifyLink')}</Link>
        </p>
      </>
    );
  else if (viewer.supporting)
    situation = (
      <p>
        <strong>{t('supporting')}</strong>
      </p>
    );
  else situation = null;

  return (
    <section className={styles.panel} aria-labelledby="soutenir">
      <h2 id="soutenir">{t('title')}</h2>
      <SupportProgress proposal={proposal} variant="page" />
      {situation}
      {signedIn ? (
        <PanelForm
          action={changeSupport}
          reference={proposal.reference}
          intent={canAct ? (viewer.supporting ? 'unsupport' : 'support') : null}
          buttonLabel={viewer.supporting ? t('unsupportButton') : t('supportButton')}
          variant={viewer.supporting ? 'secondary' : 'primary'}
          verifyLink={{ href: '/compte#verification', label: t('verifyLink') }}
        />
      ) : null}
    </section>
  );
}

/** How many people follow the proposal, and the button to follow it (or the way to sign in first). */
export async function FollowPanel({ proposal }: { proposal: ProposalDto }) {
  const t = await getTranslations('Proposals.follow');
  const following = proposal.viewer.following;
  const follow = proposal.viewer.can['proposals.follow'];
  return (
    <section className={styles.panel} aria-labelledby="suivre">
      <h2 id="suivre">{t('title')}</h2>
      <p>{t('intro')}</p>
      <p>{t('followers', { count: proposal.followers })}</p>
      {follow.allowed ? (
        <PanelForm action={changeFollow} reference={proposal.reference} intent={following ? 'unfollow' : 'follow'} buttonLabel={following ? t('unfollow') : t('follow')} variant="secondary" />
      ) : (
        <p>
          <Link href={signInHref(proposal.reference)}>{t('signIn')}</Link>
        </p>
      )}
    </section>
  );
}
