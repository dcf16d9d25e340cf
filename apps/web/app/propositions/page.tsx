import { SectionPage, sectionMetadata } from '@/components/SectionPage';

export function generateMetadata() {
  return sectionMetadata('Propositions');
}

export default function PropositionsPage() {
  return <SectionPage namespace="Propositions" />;
}
