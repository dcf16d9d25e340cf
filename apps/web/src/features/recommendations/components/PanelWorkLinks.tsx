import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';

import { OPINIONS_PATH, WORKSPACE_PATH } from '../paths';
import { fetchWorkspace } from '../queries';

/** On the panel's public page: its published opinions, and the members' workspace for those it opens to. */
export async function PanelWorkLinks() {
  const [t, workspace] = await Promise.all([getTranslations('Recommendations.links'), fetchWorkspace()]);
  return (
    <p>
      <Link href={OPINIONS_PATH}>{t('opinions')}</Link>
      {workspace ? (
        <>
          {' · '}
          <Link href={WORKSPACE_PATH}>{t('workspace')}</Link>
        </>
      ) : null}
    </p>
  );
}
