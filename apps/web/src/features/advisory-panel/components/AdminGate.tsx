import type { AdvisoryPanelDto, SessionPerson } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePerson } from '@/features/identity/session';

import { ADMIN_PATH } from '../form-values';
import { fetchAdvisoryPanel } from '../queries';

type Permission = keyof AdvisoryPanelDto['viewer']['can'];

/**
 * The organizers' pages of the panel: a signed-in person whose `viewer.can`
 * (the panel's own policy, from the API) opens `permission`; otherwise a page
 * that says so. Pages never check roles themselves.
 */
export async function panelWorkspace(returnTo: string, permission: Permission): Promise<{ person: SessionPerson; panel: AdvisoryPanelDto; allowed: boolean }> {
  const person = await requirePerson(returnTo);
  const panel = await fetchAdvisoryPanel();
  return { person, panel, allowed: panel.viewer.can[permission].allowed };
}

export async function NotForYou() {
  const t = await getTranslations('AdvisoryPanelAdmin');
  return (
    <PageHeader title={t('forbiddenTitle')} lead={t('forbiddenLead')}>
      <p>
        <Link href="/comite">{t('forbiddenBack')}</Link>
      </p>
    </PageHeader>
  );
}

/** The way back to the panel's organizer page, above each of its pages. */
export async function BackToWorkspace({ children }: { children?: ReactNode }) {
  const t = await getTranslations('AdvisoryPanelAdmin');
  return (
    <p>
      <Link href={ADMIN_PATH}>{t('back')}</Link>
      {children}
    </p>
  );
}
