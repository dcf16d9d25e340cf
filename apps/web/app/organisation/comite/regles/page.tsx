import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Announcement } from '@/components/ui/Announcement';
import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { BackToWorkspace, NotForYou, panelWorkspace } from '@/features/advisory-panel/components/AdminGate';
import { RulesForm } from '@/features/advisory-panel/components/RulesForm';
import { ADMIN_PATH } from '@/features/advisory-panel/form-values';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('AdvisoryPanelAdmin.rules'))('metaTitle') };
}

type Props = { searchParams: Promise<{ publiees?: string }> };

/** The panel rules: each publication is a new version, public with its note (/comite#regles). */
export default async function PanelRulesPage({ searchParams }: Props) {
  const { panel, allowed } = await panelWorkspace(`${ADMIN_PATH}/regles`, 'advisory-panel.publish-rules');
  if (!allowed) return <NotForYou />;
  const t = await getTranslations('AdvisoryPanelAdmin.rules');
  const { publiees } = await searchParams;
  return (
    <>
      {publiees && panel.rules ? <Announcement>{t('published', { version: panel.rules.version })}</Announcement> : null}
      <BackToWorkspace />
      <PageHeader title={t('title')} lead={panel.rules ? t('leadVersion', { version: panel.rules.version }) : t('leadFirst')}>
        <p>
          <Link href="/comite#regles">{t('publicLink')}</Link>
        </p>
      </PageHeader>
      <RulesForm rules={panel.rules?.rules ?? null} />
    </>
  );
}
