import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { ActionForm, Hidden } from '@/components/forms/ActionForm';
import { PageHeader } from '@/components/ui/PageHeader';
import { confirmEmailChange } from '@/features/identity/actions';
import { requirePerson } from '@/features/identity/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Account'))('confirmEmailTitle'), robots: { index: false } };
}

type Props = { searchParams: Promise<{ token?: string }> };

export default async function ConfirmEmailPage({ searchParams }: Props) {
  const { token = '' } = await searchParams;
  await requirePerson(`/compte/confirmer-adresse?token=${encodeURIComponent(token)}`);
  const [t, form] = [await getTranslations('Account'), await getTranslations('Form')];
  return (
    <>
      <PageHeader title={t('confirmEmailTitle')} lead={t('confirmEmailLead')} />
      <ActionForm action={confirmEmailChange} submitLabel={t('confirmEmailButton')} errorSummaryLabel={form('errorSummary')}>
        <Hidden name="token" value={token} />
      </ActionForm>
    </>
  );
}
