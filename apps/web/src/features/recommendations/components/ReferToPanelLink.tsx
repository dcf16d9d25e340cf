import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';

import { ORGANIZER_REFERRALS_PATH } from '../paths';
import { fetchWorkspace } from '../queries';

/**
 * « Saisir le comité » from a consultation's results or a qualified proposal,
 * for those who may refer (organizers and panel members: the workspace opens
 * to them); nothing for anyone else.
 */
export async function ReferToPanelLink({ consultation, proposal, separator = false }: { consultation?: string; proposal?: string; separator?: boolean }) {
  const workspace = await fetchWorkspace();
  if (!workspace) return null;
  const t = await getTranslations('Recommendations.refer');
  const query = consultation ? `consultation=${encodeURIComponent(consultation)}` : `proposition=${encodeURIComponent(proposal ?? '')}`;
  return (
    <>
      {separator ? ' · ' : null}
      <Link href={`${ORGANIZER_REFERRALS_PATH}?${query}`}>{t('link')}</Link>
    </>
  );
}
