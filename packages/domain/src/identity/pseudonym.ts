import unhomoglyph from 'unhomoglyph';

/**
 * Pseudonyms must not pass for someone else: another person, an official role,
 * or a deleted account. These pure rules serve PseudonymSchema (refusals, 400)
 * and the API (the skeleton, stored with a unique index, so that two pseudonyms
 * that look alike cannot both exist — 409).
 */

/** UTS #39 confusable mapping (Unicode's confusables.txt, via unhomoglyph), on decomposed text as the standard says. */
const confusable = (text: string) => unhomoglyph(text.normalize('NFD')).normalize('NFD');

/**
 * What a pseudonym looks like, as a comparison key: two pseudonyms with the
 * same skeleton can be mistaken for one another. Compatibility forms are
 * folded (NFKC: "ｆｕｌｌ" = "full"), confusables mapped before and after
 * lower-casing ("Аlice" with a Cyrillic А, "A1ice", "rn" for "m"), accents
 * dropped, punctuation and spaces collapsed to one space and trimmed
 * ("Alice." = "alice" = " ALICE "), and "i" read as "l" (a capital I and a
 * small l are the same stroke in many fonts; lower-casing would separate them).
 */
export function pseudonymSkeleton(pseudonym: string): string {
  const mapped = confusable(confusable(pseudonym.normalize('NFKC')).toLowerCase()).toLowerCase();
  return mapped
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replaceAll('i', 'l');
}

/** The words of a skeleton, and every run of consecutive words glued together ("A d m i n" hides "admin"). */
function wordRuns(skeleton: string): { runs: string[]; glued: string } {
  const words = skeleton.split(' ').filter(Boolean);
  const runs: string[] = [];
  for (let start = 0; start < words.length; start++) {
    for (let end = start + 1; end <= words.length; end++) runs.push(words.slice(start, end).join(''));
  }
  return { runs, glued: words.join('') };
}

const key = (word: string) => pseudonymSkeleton(word).replaceAll(' ', '');

/**
 * Official roles and the platform itself, French and English. A prefix
 * matches the start of any run of words ("Administratrice", "Super Admin",
 * "A.d.m.i.n"); a word must be a whole run ("Maire", not "Mairet").
 */
const ROLE_PREFIXES = [
  'admin', 'moderat', 'organisat', 'organizat', 'organiser', 'organizer', 'animat', 'facilitat',
  'mairie', 'comite', 'committee', 'collectivite', 'autorite', 'authorit', 'municipal', 'officiel', 'official', 'sesame',
  // The town and its services, and badges a resident cannot give themselves.
  'ville de', 'town of', 'city of', 'service democratie', 'service municipal', 'service public', 'prefecture', 'police', 'gendarmerie',
  'delegue', 'protection des donnees', 'data protection', 'cnil', 'verifie', 'verified', 'certifie', 'certified',
].map(key);
const ROLE_WORDS = ['maire', 'mayor', 'panel', 'dpo', 'staff', 'systeme', 'system', 'hotel de ville', 'town hall', 'city hall'].map(key);
/**
 * How a deleted account appears wherever its contributions remain, in every
 * language's data (the API, open data); the English interface words it
 * "Deleted account". No pseudonym can look like it (DELETED_MARKERS).
 */
export const DELETED_ACCOUNT_NAME = 'Compte supprimé';

/** How deleted accounts appear (« Compte supprimé », formerly « Participant supprimé ») and its variants: anywhere in the name. */
const DELETED_MARKERS = ['supprim', 'deleted', 'efface', 'erased'].map(key);

/** The scripts whose letters are mistaken for one another; one word mixing them imitates another name. */
const LOOKALIKE_SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Greek}/u, /\p{Script=Cyrillic}/u, /\p{Script=Armenian}/u, /\p{Script=Cherokee}/u];

export type PseudonymRefusal = { code: 'invisible' | 'mixed_scripts' | 'trailing_punctuation' | 'deleted_account' | 'official_role'; message: string };

/**
 * Why a pseudonym (already trimmed, NFC, of allowed characters) is refused, or
 * null. Looking like an existing person's pseudonym is checked by the API,
 * which compares skeletons.
 */
export function pseudonymRefusal(pseudonym: string): PseudonymRefusal | null {
  if (/\p{Default_Ignorable_Code_Point}/u.test(pseudonym)) {
    return { code: 'invisible', message: 'Le pseudonyme contient un caractère invisible.' };
  }
  const mixed = pseudonym.split(/[^\p{L}\p{N}]+/u).some((word) => LOOKALIKE_SCRIPTS.filter((script) => script.test(word)).length > 1);
  if (mixed) {
    return { code: 'mixed_scripts', message: 'Un mot du pseudonyme mélange des alphabets (par exemple des lettres latines et cyrilliques) : il pourrait imiter un autre nom.' };
  }
  // "Élodie M." ends with an initial, "Camille (La Noue)" with a closed bracket; "Alice." only imitates "Alice".
  const endsWithInitial = /(^|[^\p{L}\p{N}])\p{L}\.$/u.test(pseudonym);
  const endsWithClosedBracket = pseudonym.endsWith(')') && pseudonym.includes('(');
  if (/[^\p{L}\p{N}]$/u.test(pseudonym) && !endsWithInitial && !endsWithClosedBracket) {
    return { code: 'trailing_punctuation', message: 'Le pseudonyme ne peut pas finir par un signe de ponctuation (sauf une initiale, « Élodie M. »).' };
  }
  const { runs, glued } = wordRuns(pseudonymSkeleton(pseudonym));
  if (DELETED_MARKERS.some((marker) => glued.includes(marker))) {
    return { code: 'deleted_account', message: `Ce pseudonyme imite le nom donné aux comptes supprimés (« ${DELETED_ACCOUNT_NAME} »).` };
  }
  if (runs.some((run) => ROLE_PREFIXES.some((prefix) => run.startsWith(prefix)) || ROLE_WORDS.includes(run))) {
    return { code: 'official_role', message: 'Ce pseudonyme ressemble à un rôle officiel (administration, modération, mairie, organisation, comité…) : choisissez-en un autre.' };
  }
  return null;
}
