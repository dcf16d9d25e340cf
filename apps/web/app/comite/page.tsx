import { SectionPage, sectionMetadata } from '@/components/SectionPage';

export function generateMetadata() {
  return sectionMetadata('Comite');
}

export default function ComitePage() {
  return <SectionPage namespace="Comite" />;
}
