import { UNDRAWN_CONTACT_RETENTION_DAYS } from '@sesame/domain';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { EmptyState } from '@/components/ui/EmptyState';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { OverdueCounter } from '@/features/authority-responses/components/OverdueCounter';
import { fetchOverdueCounter } from '@/features/authority-responses/queries';
import { CallList, DrawList, MemberList, RulesHistory, RulesInForce, SeatsTable, TermEnds, VolunteerPrivacy } from '@/features/advisory-panel/components/PanelSections';
import { ADMIN_PATH } from '@/features/advisory-panel/form-values';
import { fetchAdvisoryPanel, fetchRulesVersions } from '@/features/advisory-panel/queries';
import { PanelWorkLinks } from '@/features/recommendations/components/PanelWorkLinks';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdvisoryPanel'))('metaTitle') };
}

/**
 * The citizen panel in public: its rules in force (and their versions), its
 * seats, its members as each chose to be named, its substitutes and past
 * members, the calls for volunteers and the draws by lot with their reports.
 */
export default async function ComitePage() {
  const t = await getTranslations('AdvisoryPanel');
  const [panel, versions, overdueAnswers] = await Promise.all([fetchAdvisoryPanel(), fetchRulesVersions(), fetchOverdueCounter()]);
  const can = panel.viewer.can;
  const organizes = can['advisory-panel.publish-rules'].allowed || can['advisory-panel.manage-pools'].allowed;
  const openCalls = panel.calls.filter((call) => call.state === 'open');

  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')}>
        <p className="prose">{t('details')}</p>
        <PanelWorkLinks />
        {organizes ? (
          <p>
            <Link href={ADMIN_PATH}>{t('organize')}</Link>
          </p>
        ) : null}
      </PageHeader>

      {overdueAnswers ? <OverdueCounter counter={overdueAnswers} /> : null}

      {openCalls.length > 0 ? (
        <section className="section" aria-labelledby="appels-ouverts">
          <h2 id="appels-ouverts">{t('calls.openTitle')}</h2>
          <p className="prose">{t('calls.openLead')}</p>
          <CallList calls={openCalls} />
        </section>
      ) : null}

      <section className="section" aria-labelledby="membres">
        <h2 id="membres">{t('members.title')}</h2>
        {panel.members.length === 0 ? <p>{t('members.empty')}</p> : <MemberList members={panel.members} />}
      </section>

      {panel.rules && panel.seats.length > 0 ? (
        <section className="section" aria-labelledby="sieges">
          <h2 id="sieges">{t('seats.title')}</h2>
          <SeatsTable seats={panel.seats} />
          {panel.termEnds.length > 0 ? <TermEnds termEnds={panel.termEnds} /> : null}
        </section>
      ) : null}

      <section className="section" aria-labelledby="suppleants">
        <h2 id="suppleants">{t('members.substitutesTitle')}</h2>
        <p className="prose">{t('members.substitutesLead')}</p>
        {panel.substitutes.length === 0 ? <p>{t('members.substitutesEmpty')}</p> : <MemberList members={panel.substitutes} />}
      </section>

      <section className="section" aria-labelledby="tirages">
        <h2 id="tirages">{t('draws.sectionTitle')}</h2>
        <p className="prose">{t('draws.lead')}</p>
        {panel.draws.length === 0 ? <p>{t('draws.empty')}</p> : <DrawList draws={panel.draws} />}
      </section>

      <section className="section" aria-labelledby="regles">
        <h2 id="regles">{t('rules.title')}</h2>
        {panel.rules ? (
          <>
            <RulesInForce version={panel.rules} />
            <RulesHistory versions={versions} />
          </>
        ) : (
          <EmptyState title={t('rules.emptyTitle')} headingLevel={3}>
            <p>{t('rules.emptyText')}</p>
          </EmptyState>
        )}
      </section>

      {panel.pastMembers.length > 0 ? (
        <section className="section" aria-labelledby="anciens-membres">
          <h2 id="anciens-membres">{t('members.pastTitle')}</h2>
          <MemberList members={panel.pastMembers} past />
        </section>
      ) : null}

      {panel.calls.some((call) => call.state === 'closed') ? (
        <section className="section" aria-labelledby="appels">
          <h2 id="appels">{t('calls.pastTitle')}</h2>
          <CallList calls={panel.calls.filter((call) => call.state === 'closed')} />
        </section>
      ) : null}

      <section className="section" aria-labelledby="donnees-volontaires">
        <h2 id="donnees-volontaires">{t('privacy.title')}</h2>
        <VolunteerPrivacy days={UNDRAWN_CONTACT_RETENTION_DAYS} />
      </section>
    </>
  );
}
