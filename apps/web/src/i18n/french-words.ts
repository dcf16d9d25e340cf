/**
 * Common French words that are not English words: finding one in the English
 * interface means a French leftover, or French content not marked `lang="fr"`.
 * Used by the catalogue test (`glossary.spec.ts`) and by the browser test of
 * the English pages (`e2e/plain-english.spec.ts`). Lower case, without
 * elisions (« l’ », « d’ » are caught separately). Words that are also English
 * (« plus », « on », « a », « son », « pour » is not…) are left out.
 */
export const FRENCH_WORDS: ReadonlySet<string> = new Set([
  // Articles, pronouns, prepositions, conjunctions.
  'le', 'la', 'les', 'des', 'du', 'un', 'une', 'et', 'ou', 'est', 'sont', 'être', 'avec', 'pour', 'dans', 'sur', 'sans', 'chez', 'aux', 'au',
  'vous', 'nous', 'votre', 'vos', 'notre', 'nos', 'mon', 'mes', 'ses', 'leur', 'leurs', 'qui', 'que', 'quoi', 'ne', 'pas', 'ce', 'cet', 'cette', 'ces',
  'il', 'ils', 'elle', 'elles', 'mais', 'donc', 'aussi', 'déjà', 'ici', 'très', 'aucun', 'aucune', 'été', 'où', 'à', 'de',
  // Words of the interface that would betray an untranslated label.
  'supprimer', 'supprimé', 'supprimée', 'proposition', 'propositions', 'soutien', 'soutiens', 'fiche', 'fiches', 'registre', 'usages', 'données',
  'quartier', 'quartiers', 'habitant', 'habitants', 'habitante', 'brouillon', 'brouillons', 'connexion', 'compte', 'mairie', 'ville', 'commune',
  'retenue', 'recevable', 'irrecevable', 'qualifiée', 'empreinte', 'empreintes', 'enregistrer', 'modifier', 'retour', 'accueil',
]);
