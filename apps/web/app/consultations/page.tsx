import { SectionPage, sectionMetadata } from '@/components/SectionPage';

export function generateMetadata() {
  return sectionMetadata('Consultations');
}

export default function ConsultationsPage() {
  return <SectionPage namespace="Consultations" />;
}
