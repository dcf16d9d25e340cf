import type { SeedContext } from './seed-context';

/** A fictional town, modelled on an inner-suburb commune with a large housing estate. */
export const DEMO_TERRITORY = {
  slug: 'val-de-noue',
  name: 'Val-de-Noue (commune fictive)',
  description:
    'Val-de-Noue est une commune fictive de 36 000 habitants, créée pour la démonstration de Sésame. ' +
    'Ses quartiers, ses services et ses prestataires sont inventés ; les usages de données décrits ressemblent à ceux de vraies villes.',
};

export const DEMO_NEIGHBOURHOODS = [
  { slug: 'la-noue', name: 'La Noue', population: 7_800 },
  { slug: 'centre-ancien', name: 'Centre ancien', population: 9_100 },
  { slug: 'les-coteaux', name: 'Les Coteaux', population: 6_400 },
  { slug: 'le-plateau', name: 'Le Plateau', population: 7_200 },
  { slug: 'jardins-ouvriers', name: 'Les Jardins-Ouvriers', population: 5_500 },
] as const;

export type NeighbourhoodIds = Record<(typeof DEMO_NEIGHBOURHOODS)[number]['slug'], string>;

export async function seedTerritory({ tx, audit }: SeedContext): Promise<{ territoryId: string; neighbourhoods: NeighbourhoodIds }> {
  const territory = await tx.territory.create({ data: DEMO_TERRITORY });
  await audit({ action: 'territory.created', subjectType: 'territory', subjectId: territory.id, data: { slug: territory.slug, name: territory.name } });
  const neighbourhoods = {} as NeighbourhoodIds;
  for (const neighbourhood of DEMO_NEIGHBOURHOODS) {
    const created = await tx.neighbourhood.create({ data: { ...neighbourhood, territoryId: territory.id } });
    neighbourhoods[neighbourhood.slug] = created.id;
    await audit({
      action: 'neighbourhood.created',
      subjectType: 'neighbourhood',
      subjectId: created.id,
      data: { slug: created.slug, name: created.name, population: created.population },
    });
  }
  return { territoryId: territory.id, neighbourhoods };
}
