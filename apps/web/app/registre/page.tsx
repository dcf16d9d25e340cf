import { SectionPage, sectionMetadata } from '@/components/SectionPage';

export function generateMetadata() {
  return sectionMetadata('Registre');
}

export default function RegistrePage() {
  return <SectionPage namespace="Registre" />;
}
