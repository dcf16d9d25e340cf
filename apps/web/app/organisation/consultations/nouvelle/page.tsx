import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';
import { ConsultationForm } from '@/features/consultations/components/OrganizerForms';
import { organizerGate } from '@/features/consultations/gate';
import { fetchDataUseChoices, fetchNeighbourhoodChoices } from '@/features/consultations/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Consultation.organizer'))('newTitle') };
}

type Props = { searchParams: Promise<{ proposition?: string }> };

/** A new consultation: from a selected proposal (`?proposition=PR-…`), a panel referral, or the organizers' own. */
export default async function NewConsultationPage({ searchParams }: Props) {
  const { allowed } = await organizerGate('/organisation/consultations/nouvelle');
  const t = await getTranslations('Consultation.organizer');
  if (!allowed) return <PageHeader title={t('forbidden')} />;
  const { proposition } = await searchParams;
  const proposal = typeof proposition === 'string' && /^PR-\d{4}-\d{3,}$/.test(proposition) ? proposition : undefined;
  const [dataUses, neighbourhoods] = await Promise.all([fetchDataUseChoices(), fetchNeighbourhoodChoices()]);
  return (
    <>
      <p>
        <Link href="/organisation/consultations">{t('backToList')}</Link>
      </p>
      <PageHeader title={t('newTitle')} lead={t('newLead')} />
      <ConsultationForm dataUses={dataUses} neighbourhoods={neighbourhoods} values={proposal ? { origin: 'proposal', proposalReference: proposal, method: 'majority_judgment', quorumPercent: '0' } : undefined} />
    </>
  );
}
