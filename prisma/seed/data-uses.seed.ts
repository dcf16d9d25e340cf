// The register's first records. Sésame's own processing is always seeded, as
// DU-<year>-001: the platform publishes what it does with personal data before
// asking anyone to judge the town's uses. Outside production, six uses of the
// fictional town follow, realistic enough to discuss (their suppliers, acts and
// figures are invented). Dates are computed from the day of seeding, so the
// demo stays true: reviews ahead, one review overdue, some sunset dates.
//
// Record 001 describes what the code actually stores: whoever adds personal
// data to Sésame updates it (see docs/register-own-processing.md).
import { randomUUID } from 'node:crypto';
import { DataUseContentSchema, missingForPublication, parisToday, type DataUseContent, type DataUseContentInput } from '@sesame/domain';
import type { Prisma } from '../../apps/api/src/generated/prisma/client';
import { nextReference } from '../../apps/api/src/common/references.repository';
import { DATA_USE_REFERENCES, dataUseColumns } from '../../apps/api/src/data-uses/data-uses.repository';
import { DEMO_ACCOUNTS } from './people.seed';
import type { SeedContext } from './seed-context';
import { DEMO_NEIGHBOURHOODS, type NeighbourhoodIds } from './territory.seed';

/** Author of the platform's own record: the platform itself (created_by_id has no foreign key; the history shows no person). */
export const PLATFORM_AUTHOR_ID = '00000000-0000-0000-0000-000000000000';

/** Title of record 001, Sésame's own processing. */
export const OWN_PROCESSING_TITLE = 'Faire fonctionner Sésame : comptes, vérification des habitants et journal public';

type NeighbourhoodName = (typeof DEMO_NEIGHBOURHOODS)[number]['name'];
const ALL_NEIGHBOURHOODS: NeighbourhoodName[] = DEMO_NEIGHBOURHOODS.map((n) => n.name);

/** A YYYY-MM-DD day moved by whole months (clamped to the month's last day) and days. */
function shift(day: string, { months = 0, days = 0 }: { months?: number; days?: number }): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay) + days);
  return target.toISOString().slice(0, 10);
}

const yearOf = (day: string) => day.slice(0, 4);

interface Dates {
  today: string;
}

/** Record 001: what Sésame itself does with personal data, as the code stands. */
export function ownProcessingRecord({ today }: Dates, ids: (names: NeighbourhoodName[]) => string[]): DataUseContentInput {
  return {
    title: OWN_PROCESSING_TITLE,
    summary:
      'Pour participer, vous donnez une adresse e-mail et un pseudonyme public. La mairie peut vérifier que vous habitez un quartier, par un code ou par la liste des habitants, gardée seulement sous forme d’empreintes. Votre adresse n’est jamais publiée. Lire le registre et le journal ne demande aucun compte.',
    domain: 'other',
    neighbourhoodIds: ids(ALL_NEIGHBOURHOODS),
    tags: ['plateforme Sésame', 'participation', 'comptes', 'journal public'],
    accountability: {
      controller: 'Ville de Val-de-Noue (exploitant de la plateforme Sésame)',
      department: 'Service démocratie locale, avec le service informatique',
      contactEmail: 'donnees-personnelles@val-de-noue.test',
      dpoContact: 'Déléguée à la protection des données, hôtel de ville — dpo@val-de-noue.test',
      jointControllers: [],
      authorisingAct: { title: 'Délibération du conseil municipal créant la plateforme de participation Sésame' },
    },
    purpose: {
      purposes: [
        'Vous connecter sans mot de passe : par un lien envoyé par e-mail, ou par un fournisseur d’identité (OpenID Connect) si la mairie en a activé un.',
        'Afficher un pseudonyme public à côté de ce que vous faites, sans jamais publier votre adresse e-mail.',
        'Vérifier que vous habitez un quartier (code d’invitation ou liste des habitants), quand une consultation le demande.',
        'Empêcher les abus : limiter les demandes de lien par adresse e-mail et par adresse IP, et les essais de vérification par compte.',
        'Vous prévenir de ce qui vous concerne : dans l’application, et par e-mail tout de suite, une fois par jour ou jamais, selon votre choix.',
        'Tenir un journal public et vérifiable des actions importantes, et le registre des usages de données (auteurs des fiches, personnes qui les suivent).',
        'Recevoir vos propositions et compter les soutiens (un par personne), pour porter en consultation les propositions qui atteignent leur objectif de soutiens.',
        'Vous permettre de télécharger vos données (un fichier, une partie par fonction de la plateforme) et de supprimer votre compte : tout ce qui vous désigne est effacé en une fois ; le peu qui reste n’est relié qu’à un identifiant affiché « Compte supprimé ».',
      ],
      decisionProcess:
        'Aucun algorithme ne décide à la place d’une personne. Les rôles (organisation, modération, comité…) sont donnés par des administrateurs et chaque attribution est inscrite au journal public. Seule la vérification par la liste des habitants est automatique : si elle échoue, un code d’invitation ou la mairie prennent le relais.',
      outOfScopeUses: [
        'Aucune publicité, aucune mesure d’audience, aucun traceur ni service extérieur.',
        'Votre adresse e-mail ne sert qu’à Sésame : ni lettre d’information municipale, ni transmission à un autre service.',
        'Les empreintes de la liste des habitants ne servent qu’à vérifier la résidence : elles ne sont ni croisées, ni transmises.',
        'Aucun profilage de la participation ni des opinions.',
      ],
    },
    legal: {
      basis: 'e_public_task',
      basisDetail:
        'Mission d’intérêt public de la commune : informer et consulter les habitants sur les affaires locales (code général des collectivités territoriales, art. L. 2141-1). Participer est facultatif et lire ne demande aucun compte. Aucun traitement ne repose sur le consentement : les seuls cookies (session, langue) sont strictement nécessaires.',
      specialCategories: [],
      criminalOffenceData: false,
      regime: 'gdpr',
      aiActRiskClass: 'not_ai',
    },
    data: {
      subjectCategories: [
        'Personnes qui créent un compte : habitants, associations, agents de la ville, membres du comité',
        'Habitants inscrits sur la liste importée par la mairie, même s’ils n’ont pas de compte',
        'Visiteurs qui demandent un lien de connexion (adresse IP, quelques secondes)',
      ],
      // Every inhabitant, if the town imports its whole census list.
      estimatedPeopleAffected: 36_000,
      categories: [
        {
          name: 'Adresse e-mail',
          description: 'Sert à vous envoyer les liens de connexion et, si vous le voulez, vos notifications. Elle n’est jamais affichée : ni au public, ni aux administrateurs, ni dans le journal, ni dans les données ouvertes.',
          reveals: 'Souvent votre nom, parfois votre employeur ; qu’une personne participe à Sésame.',
          source: 'Vous-même ; ou votre fournisseur d’identité, s’il l’a vérifiée.',
          collectionMode: 'Formulaire de connexion ; un changement d’adresse est confirmé par un lien envoyé à la nouvelle.',
          retention: 'Jusqu’à la suppression du compte, qui l’efface aussitôt.',
          access: 'Personne dans l’application. L’équipe technique de l’exploitant (base de données) et le serveur d’envoi des e-mails.',
        },
        {
          name: 'Pseudonyme, langue et quartier déclaré',
          description: 'Un pseudonyme neutre (« Participant 12345 ») est donné à la création du compte ; vous pouvez le changer. Vous pouvez aussi indiquer votre quartier.',
          reveals: 'Le pseudonyme est public : s’il ressemble à votre nom, il vous désigne. Le quartier dit où vous habitez à peu près.',
          source: 'Vous-même.',
          collectionMode: 'Page « Mon compte ».',
          retention: 'Jusqu’à la suppression du compte : le pseudonyme devient « Compte supprimé », le quartier et la langue sont effacés.',
          access: 'Pseudonyme : tout le monde. Quartier déclaré : vous et les administrateurs.',
        },
        {
          name: 'Identifiant de compte, dates et rôles',
          description: 'Un identifiant technique tiré au hasard, la date de création, la date de dernière connexion, vos rôles et un compteur qui sert à « se déconnecter partout ».',
          reveals: 'Quand vous vous êtes inscrit, quand vous êtes venu pour la dernière fois, et si vous êtes modérateur, membre du comité, etc.',
          source: 'Calculé par Sésame ; rôles donnés par un administrateur.',
          collectionMode: 'Automatique.',
          retention: 'Identifiant et date de création : sans limite (journal inaltérable) ; la ligne du compte reste, vidée, pour que vos contributions gardent un auteur, « Compte supprimé ». Dernière connexion et rôles : effacés à la suppression du compte.',
          access: 'Identifiant et rôles : publics (journal). Dernière connexion : vous seul (export).',
        },
        {
          name: 'Liens de connexion et de confirmation d’adresse',
          description: 'Pour chaque lien envoyé : l’adresse e-mail, un hachage SHA-256 du lien (jamais le lien lui-même), la langue, les dates de création, d’expiration et d’usage.',
          reveals: 'Quand vous avez demandé à vous connecter ; qu’une adresse a été saisie, même si elle n’a jamais servi.',
          source: 'Vous-même (formulaire de connexion ou de changement d’adresse).',
          collectionMode: 'Formulaire ; lien à usage unique envoyé par e-mail.',
          retention: 'Valables 15 min (60 min pour changer d’adresse) ; effacés chaque jour un jour après leur expiration, et à la suppression du compte.',
          access: 'Vous (export, sans le lien) ; l’équipe technique de l’exploitant.',
        },
        {
          name: 'Identité chez un fournisseur OpenID Connect',
          description: 'Seulement si la mairie a activé un fournisseur d’identité : son adresse et l’identifiant qu’il vous donne. Les autres informations qu’il transmet (nom…) ne sont pas gardées.',
          reveals: 'Que vous avez un compte chez ce fournisseur ; l’identifiant permet de vous reconnaître à chaque connexion.',
          source: 'Le fournisseur d’identité, quand vous l’utilisez.',
          collectionMode: 'Connexion par ce fournisseur.',
          retention: 'Jusqu’à la suppression du compte, qui l’efface.',
          access: 'L’équipe technique de l’exploitant ; journal restreint (nom du fournisseur).',
        },
        {
          name: 'Vérification de résidence',
          description: 'Le quartier vérifié, la méthode (code d’invitation ou liste des habitants) et la date. Pour un code : sa fin (4 caractères), le lot de lettres et la date d’usage ; le code lui-même n’est gardé que haché.',
          reveals: 'Le quartier où vous habitez.',
          source: 'Vous (code reçu par courrier, ou nom, prénom et date de naissance saisis).',
          collectionMode: 'Page « Vérifier mon quartier » ; 10 essais par heure au plus.',
          retention: 'Vérification : jusqu’à la suppression du compte, qui l’efface. Usage du code (lien avec votre identifiant) : sans limite, pour qu’un code ne vérifie qu’une personne et que vos soutiens restent ceux d’un habitant vérifié. Lots de lettres : l’identifiant de l’organisateur qui les a créés reste.',
          access: 'Vous ; les organisateurs ne voient que le nombre de codes utilisés par lot ; l’équipe technique de l’exploitant.',
        },
        {
          name: 'Liste des habitants, en empreintes',
          description: 'La mairie importe un fichier (nom, prénom, date de naissance, quartier). Il est lu en mémoire puis oublié : seule une empreinte HMAC-SHA256 à clé secrète de ces trois informations est gardée, avec le quartier.',
          reveals: 'Qu’une personne habite tel quartier, pour qui détient la clé du serveur et connaît ses nom, prénom et date de naissance.',
          source: 'Fichier fourni par la mairie (par exemple la liste électorale).',
          collectionMode: 'Import par un organisateur ; aucun fichier conservé ni journalisé.',
          retention: 'Sans durée automatique : jusqu’à ce que l’exploitant la remplace. Une empreinte utilisée reste liée au compte, même supprimé, pour que le même habitant ne fasse pas vérifier un second compte ; l’identifiant de l’organisateur qui l’a importée reste aussi.',
          access: 'Personne ne peut la lire : elle sert seulement à comparer. Équipe technique de l’exploitant.',
        },
        {
          name: 'Réponses à un appel à volontaires du comité citoyen',
          description: 'Sans compte : le numéro de volontaire, la lettre d’invitation utilisée (une par foyer), les réponses aux questions des quotas (genre, tranche d’âge, quartier…), le nom ou pseudonyme choisi et une adresse e-mail privée pour prévenir la personne si elle est tirée au sort. Le lien d’invitation envoyé et le code de retrait donné avec la réponse ne sont gardés que hachés.',
          reveals: 'Qu’une personne s’est portée volontaire, et les caractéristiques qu’elle a déclarées.',
          source: 'La personne volontaire (formulaire de réponse à l’appel).',
          collectionMode: 'Formulaire public, avec le code de la lettre d’invitation ; e-mail d’invitation avec un lien pour accepter ou refuser le siège.',
          retention: 'Réponse retirée (possible jusqu’à ce que le vivier soit figé pour un tirage) : nom, réponses et adresse effacés aussitôt. Adresse d’une personne tirée au sort : effacée dès qu’elle a accepté ou refusé son siège. Adresse des personnes non tirées : effacée 180 jours après le premier tirage de l’appel. Réponses aux quotas et numéro : gardés avec les fichiers publiés du tirage, sans nom.',
          access: 'Adresse : l’équipe d’organisation du comité, jusqu’à son effacement. Réponses aux quotas : publiques, sous le numéro de volontaire. Nom ou pseudonyme : public si la personne siège.',
        },
        {
          name: 'Notifications et préférence d’envoi',
          description: 'Ce qui vous a été signalé (type d’événement, quelques mots comme le nom d’un quartier, un lien), les dates de lecture et d’envoi, et votre choix : e-mail tout de suite, une fois par jour ou jamais.',
          reveals: 'À quoi vous vous intéressez et ce qui vous arrive sur la plateforme.',
          source: 'Calculé par Sésame ; préférence choisie par vous.',
          collectionMode: 'Automatique ; page « Mon compte » pour la préférence.',
          retention: 'Jusqu’à la suppression du compte, qui les efface avec la préférence ; pas encore de durée automatique avant cela.',
          access: 'Vous seul dans l’application ; l’équipe technique de l’exploitant.',
        },
        {
          name: 'Journal d’audit',
          description: 'Chaque action importante : date, identifiant de compte de son auteur, action, objet. Jamais d’e-mail ni de nom. Entrées publiques (création de compte, rôle, changement de pseudonyme, suppression…) et restreintes (vérification, changement d’adresse).',
          reveals: 'L’activité d’un identifiant de compte dans le temps, que l’on peut rapprocher de son pseudonyme.',
          source: 'Sésame, à chaque action.',
          collectionMode: 'Automatique, dans la même transaction que l’action.',
          retention: 'Permanente : le journal est inaltérable (chaîne de hachage) ; c’est pourquoi il ne contient ni e-mail ni pseudonyme.',
          access: 'Entrées publiques : tout le monde. Entrées restreintes : vous (export) et l’équipe technique.',
        },
        {
          name: 'Fiches du registre : auteurs et suivis',
          description: 'Qui a créé ou modifié chaque version d’une fiche du registre, et quelles fiches vous suivez pour être prévenu de leurs changements.',
          reveals: 'Pour les agents : leur travail sur le registre. Pour vous : les usages de données qui vous intéressent.',
          source: 'Vous-même (suivi) ; les rédacteurs des fiches.',
          collectionMode: 'Automatique, à chaque version ou suivi.',
          retention: 'Auteurs : sans limite (historique public), affichés « Compte supprimé » après la suppression de leur compte. Suivis : jusqu’à ce que vous arrêtiez, ou à la suppression du compte, qui les efface.',
          access: 'Auteur (pseudonyme) : public. Suivis : vous ; le public ne voit que leur nombre.',
        },
        {
          name: 'Propositions, soutiens et suivis de propositions',
          description: 'Vos propositions (brouillons compris), leurs dates et l’historique de leurs décisions ; les propositions que vous soutenez ou suivez.',
          reveals: 'Vos opinions sur les usages de données de la ville : une proposition déposée est publique sous votre pseudonyme ; vos soutiens ne sont jamais publiés un par un, seul leur nombre l’est.',
          source: 'Vous-même.',
          collectionMode: 'Formulaire de proposition (brouillon enregistré pendant la saisie) ; bouton « Je soutiens ».',
          retention: 'Brouillons : jusqu’à leur dépôt, leur retrait ou la suppression du compte, qui les efface avec vos suivis. Propositions déposées, soutiens et décisions prises (historique public) : sans limite, attribués à « Compte supprimé » après suppression du compte, pour que les décomptes restent justes.',
          access: 'Propositions déposées : public (pseudonyme). Brouillons et soutiens individuels : vous ; l’équipe technique de l’exploitant.',
        },
        {
          name: 'Adresse IP et compteurs anti-abus',
          description: 'Votre adresse IP et l’adresse e-mail saisie servent de clés à des compteurs : 20 demandes de lien par minute et par IP, 5 par adresse e-mail, 10 essais de vérification par heure et par compte.',
          reveals: 'Votre fournisseur d’accès et votre ville approximative, le temps du compteur.',
          source: 'Votre navigateur.',
          collectionMode: 'Automatique, à chaque demande de lien ou de vérification.',
          retention: '60 secondes (une heure pour les essais de vérification), en mémoire ou dans Redis sans sauvegarde ; jamais dans la base.',
          access: 'Personne : seuls les compteurs s’en servent.',
        },
        {
          name: 'Journaux techniques du serveur',
          description: 'Une ligne par requête : identifiant de la requête, méthode, chemin sans les paramètres de recherche, code de réponse, durée. Ni adresse IP, ni cookie, ni en-tête d’authentification. Les erreurs sont journalisées avec leur message : celui d’un envoi d’e-mail refusé peut citer l’adresse.',
          reveals: 'Très peu : les pages consultées, sans savoir par qui.',
          source: 'Le serveur de l’API.',
          collectionMode: 'Automatique.',
          retention: 'Selon la configuration du serveur de l’exploitant : Sésame ne fixe pas de durée.',
          access: 'L’équipe technique de l’exploitant.',
        },
        {
          name: 'Cookies de session et de langue',
          description: 'Un cookie de session signé (identifiant, pseudonyme, rôles, langue) et un cookie qui retient la langue choisie. Aucun cookie de mesure d’audience ni de publicité.',
          reveals: 'Rien de plus que ce qui précède ; ils restent dans votre navigateur.',
          source: 'Le serveur web de Sésame.',
          collectionMode: 'À la connexion ; au choix de la langue.',
          retention: 'Session : 30 jours au plus, ou jusqu’à la déconnexion. Langue : un an.',
          access: 'Votre navigateur et le serveur de Sésame.',
        },
      ],
    },
    recipients: [
      'Le public : pseudonymes, entrées publiques du journal, fiches du registre et leurs auteurs',
      'Les administrateurs : pseudonyme, quartier déclaré et rôles des comptes (jamais l’adresse e-mail)',
      'Le serveur d’envoi des e-mails de l’exploitant : adresse, objet et texte des messages',
      'L’équipe technique de l’exploitant, qui administre le serveur et la base de données',
    ],
    // None by default: Sésame runs on one server and calls no outside service.
    processors: [],
    hosting: {
      provider: 'Serveur de l’exploitant (Ville de Val-de-Noue), auto-hébergé',
      country: 'France',
      nonEuLawExposure:
        'Aucune par défaut : Sésame tourne sur un seul serveur et n’appelle aucun service extérieur (ni police de caractères, ni script, ni mesure d’audience). Si l’exploitant confie l’hébergement, l’envoi des e-mails ou la connexion (OpenID Connect) à une société soumise à un droit non européen, comme le CLOUD Act américain, cette fiche doit le dire.',
      transfersOutsideEu: false,
      transferSafeguard: '',
    },
    automation: {
      level: 'information',
      humanOversight:
        'Attribution des rôles, modération et codes d’invitation passent par des personnes. Deux mécanismes sont automatiques : les limites de fréquence (refus pour une minute à une heure) et la comparaison exacte avec la liste des habitants ; en cas d’échec, un code d’invitation ou la mairie permettent d’être vérifié.',
      howToContest:
        'Depuis « Mon compte », téléchargez vos données, corrigez votre pseudonyme ou supprimez votre compte. Pour tout autre droit (accès, rectification, effacement, opposition) : donnees-personnelles@val-de-noue.test ou la déléguée à la protection des données. Vous pouvez aussi saisir la CNIL.',
    },
    risks: [
      {
        description: 'Ré-identification d’un pseudonyme : style d’écriture, quartier, présence à un atelier, ou activité d’un même identifiant suivie dans le journal public peuvent révéler qui se cache derrière.',
        severity: 'significant',
        likelihood: 'limited',
        mitigations: 'Pseudonyme neutre par défaut et modifiable ; l’historique des pseudonymes n’est jamais publié ; le journal ne contient ni nom ni adresse ; le quartier déclaré n’est visible que des administrateurs.',
        residualRisk: 'limited',
      },
      {
        description: 'Fuite des adresses e-mail (copie de la base, sauvegarde mal protégée, serveur d’envoi) : hameçonnage, ou révélation qu’une personne participe.',
        severity: 'significant',
        likelihood: 'limited',
        mitigations:
          'Les adresses ne sont jamais affichées, exportées en données ouvertes ni écrites au journal ; les liens de connexion ne sont gardés qu’en hachage SHA-256, si bien qu’une copie de la base ne permet de se connecter à la place de personne ; supprimer son compte efface l’adresse. Les demandes de lien expirées sont effacées chaque jour.',
        residualRisk: 'limited',
      },
      {
        description: 'La liste des habitants pourrait révéler qui habite où, ou servir à tester si une personne y figure.',
        severity: 'significant',
        likelihood: 'negligible',
        mitigations:
          'Le fichier importé n’est jamais écrit sur disque ni journalisé ; seules des empreintes HMAC-SHA256 sont gardées, avec une clé dérivée du secret du serveur : une copie de la base seule ne permet pas de tester des noms ; 10 essais de vérification par heure et par compte.',
        residualRisk: 'negligible',
      },
      {
        description: 'Prise de compte : une personne qui lit votre boîte e-mail peut se connecter à votre place.',
        severity: 'limited',
        likelihood: 'limited',
        mitigations: 'Liens à usage unique, valables 15 minutes, secrets de 256 bits ; 5 demandes par minute et par adresse, 20 par adresse IP ; « se déconnecter partout » invalide toutes les sessions.',
        residualRisk: 'limited',
      },
      {
        description:
          'Conservation trop longue : plusieurs données n’ont pas encore de durée automatique (notifications d’un compte actif, liste des habitants, journaux techniques) ou survivent, reliées à un identifiant seul, à la suppression du compte (propositions déposées, soutiens, décisions, auteurs des fiches, code ou empreinte de vérification utilisés, journal).',
        severity: 'limited',
        likelihood: 'maximum',
        mitigations:
          'Elles sont listées ici. La suppression du compte efface en une seule fois l’adresse, le pseudonyme, le quartier, la langue, la dernière connexion, les rôles, la vérification, les liens de connexion, les identités OpenID Connect, les notifications et la préférence d’envoi, les suivis et les brouillons. Ce qui reste n’est relié qu’à un identifiant affiché « Compte supprimé », seulement pour que les décomptes restent justes et l’historique public vérifiable. Chaque fonction de la plateforme déclare ce qu’elle efface et ce qu’elle garde, et un test automatique vérifie qu’aucune table n’est oubliée. Des purges programmées sont à développer avant la date de révision.',
        residualRisk: 'limited',
      },
    ],
    impactAssessments: [],
    alternatives: [
      {
        description: 'Consulter seulement sur papier et en réunion publique, sans aucun compte.',
        nonInvasive: true,
        whyNotChosen: 'Gardé en complément (ateliers, cahiers en mairie). Seul, il exclut les personnes qui ne peuvent pas se déplacer et ne permet pas de suivre publiquement les réponses de la mairie.',
      },
      {
        description: 'Participer de façon anonyme, sans adresse e-mail ni vérification.',
        nonInvasive: true,
        whyNotChosen: 'Possible pour lire, télécharger les données ouvertes et suivre les flux. Pour soutenir une proposition ou voter, il faut qu’une personne ne compte qu’une fois : un compte, et parfois une vérification, sont nécessaires.',
      },
      {
        description: 'Vérifier la résidence avec un justificatif de domicile déposé en ligne.',
        nonInvasive: false,
        whyNotChosen: 'Écarté : il aurait fallu garder des pièces d’identité et des adresses. Un code d’invitation ou une empreinte de la liste suffisent.',
      },
      {
        description: 'Utiliser les comptes d’un grand réseau social ou d’un service de formulaires en ligne.',
        nonInvasive: false,
        whyNotChosen: 'Écarté : traceurs publicitaires, transferts hors de l’Union européenne et dépendance à un droit étranger.',
      },
    ],
    proportionality:
      'Sésame collecte le minimum pour que chaque participation ne compte qu’une fois : une adresse e-mail jamais publiée, un pseudonyme et, seulement si une consultation l’exige, un quartier vérifié. La liste des habitants n’est gardée que sous forme d’empreintes à clé. Tout ce qui est public est pseudonyme, et le journal prouve les actions sans nommer personne. Limites assumées : plusieurs données n’ont pas encore de durée de conservation automatique (voir les catégories), et aucune analyse d’impact formelle n’a été faite : elle est à conduire avant d’importer la liste complète des habitants. Cette fiche doit être mise à jour, par une nouvelle version avec une note, dès qu’une fonctionnalité ajoute des données.',
    lifecycle: {
      status: 'operational',
      startDate: today,
      reviewDate: shift(today, { months: 12 }),
      rollbackPlan:
        'Arrêter la plateforme : publier en données ouvertes les résultats et le journal public, prévenir les participants par e-mail, puis effacer la base (adresses, empreintes, notifications) et ses sauvegardes. Le journal public peut rester en ligne : il ne contient ni adresse ni pseudonyme.',
    },
    redactions: [],
  };
}

/** The six uses of the demo town, from the most to the least intrusive. */
export function demoRecords({ today }: Dates, ids: (names: NeighbourhoodName[]) => string[]): DataUseContentInput[] {
  const townDpo = 'Déléguée à la protection des données, hôtel de ville — dpo@val-de-noue.test';

  const marketStart = shift(today, { months: -2 });
  const market: DataUseContentInput = {
    title: 'Identifier les visages des passants au marché du dimanche',
    summary:
      'Pendant un an, six caméras du marché du dimanche calculent un gabarit du visage de chaque passant. Sur réquisition d’un officier de police judiciaire, un logiciel cherche dans 30 jours d’images une personne soupçonnée de vol ; deux agents vérifient chaque résultat. L’expérimentation est contestée et soumise à consultation.',
    domain: 'public_safety',
    neighbourhoodIds: ids(['Centre ancien']),
    tags: ['reconnaissance faciale', 'vidéoprotection', 'marché', 'biométrie', 'expérimentation'],
    accountability: {
      controller: 'Ville de Val-de-Noue',
      department: 'Police municipale — centre de supervision urbain',
      contactEmail: 'police-municipale@val-de-noue.test',
      dpoContact: townDpo,
      jointControllers: [],
      authorisingAct: {
        title: 'Délibération du conseil municipal lançant l’expérimentation ; arrêté préfectoral autorisant les caméras du marché (il ne couvre pas la reconnaissance faciale)',
        date: shift(marketStart, { months: -3 }),
      },
    },
    purpose: {
      purposes: [
        'Retrouver plus vite, dans les enregistrements du marché, une personne soupçonnée d’un vol signalé, à la demande d’un officier de police judiciaire.',
        'Évaluer, pendant un an, si le gain de temps justifie l’analyse biométrique de tous les passants.',
      ],
      decisionProcess:
        'Le logiciel propose des images classées par ressemblance avec la photo de la personne recherchée. Deux opérateurs vérifient chaque proposition avant de la transmettre à l’officier de police judiciaire, qui décide des suites sous le contrôle du procureur. Aucune interpellation sur la seule foi du logiciel.',
      outOfScopeUses: [
        'Aucune identification en temps réel : cette fonction du logiciel est désactivée.',
        'Aucune recherche liée à une manifestation, au contrôle des commerçants ou au séjour des étrangers.',
        'Aucune comparaison avec un fichier de la police nationale.',
      ],
    },
    legal: {
      basis: 'e_public_task',
      basisDetail:
        'Mission de sécurité publique de la commune ; pour la partie pénale, directive « police-justice » (2016/680) transposée dans la loi Informatique et Libertés. Aucun texte français n’autorise expressément un traitement biométrique des images de vidéoprotection : la base légale est contestée (voir la proportionnalité).',
      specialCategories: [
        {
          category: 'biometric_identification',
          exception: 'Motif d’intérêt public important (art. 9, 2, g du RGPD) invoqué par la ville ; il exige un texte qui le prévoie, qui n’existe pas à ce jour. Pour la partie pénale : nécessité absolue (art. 10 de la directive 2016/680).',
        },
      ],
      criminalOffenceData: true,
      regime: 'both',
      aiActRiskClass: 'high',
    },
    data: {
      subjectCategories: [
        'Toute personne qui passe au marché du dimanche : habitants, commerçants, visiteurs, enfants',
        'Personnes soupçonnées d’un vol signalé, recherchées sur réquisition',
      ],
      estimatedPeopleAffected: 6_000,
      categories: [
        {
          name: 'Image du visage',
          description: 'Les images de toutes les personnes qui passent devant les six caméras de la place du Marché et des rues voisines, le dimanche de 7 h à 14 h.',
          reveals: 'Votre présence au marché, l’heure, avec qui vous étiez ; votre apparence peut laisser deviner une origine, une religion (tenue), un handicap ou un état de santé.',
          source: 'Caméras de vidéoprotection du marché.',
          collectionMode: 'Enregistrement continu pendant le marché ; panneaux d’information à chaque entrée ; aucun consentement.',
          retention: '30 jours',
          access: 'Deux opérateurs habilités du centre de supervision urbain ; officiers de police judiciaire sur réquisition.',
        },
        {
          name: 'Gabarit biométrique du visage',
          description: 'Une suite de nombres calculée par le logiciel pour chaque visage détecté, qui permet de le comparer à une photo.',
          reveals: 'Permet de vous reconnaître sur d’autres images ; c’est une donnée de votre corps, qu’on ne peut pas changer comme un mot de passe.',
          source: 'Calculé automatiquement à partir des images.',
          collectionMode: 'Automatique, pour chaque visage détecté.',
          retention: '30 jours, effacé avec les images.',
          access: 'Le logiciel seul ; les opérateurs voient les résultats de recherche.',
        },
        {
          name: 'Photo de la personne recherchée et résultats',
          description: 'La photo jointe à une réquisition judiciaire, et les images où le logiciel pense retrouver la personne, avec un score de ressemblance.',
          reveals: 'Qu’une personne est soupçonnée ; une erreur peut désigner une personne innocente.',
          source: 'Officier de police judiciaire (réquisition).',
          collectionMode: 'Saisie par un opérateur, une recherche par réquisition.',
          retention: 'Photo effacée après la recherche ; résultats versés à la procédure (durée fixée par le code de procédure pénale).',
          access: 'Opérateurs, officier requérant, magistrat.',
        },
        {
          name: 'Journal des recherches',
          description: 'Pour chaque recherche : date, opérateur, numéro de réquisition, nombre de résultats.',
          reveals: 'Le nombre et l’objet des recherches, donc l’usage réel du dispositif.',
          source: 'Le logiciel.',
          collectionMode: 'Automatique.',
          retention: '3 ans',
          access: 'Déléguée à la protection des données (contrôle mensuel) ; bilan chiffré public au comité citoyen.',
        },
      ],
    },
    recipients: ['Centre de supervision urbain de la police municipale', 'Officiers de police judiciaire de la police nationale, sur réquisition', 'Procureur de la République'],
    processors: [
      {
        name: 'Vigilis Vision SAS',
        role: 'Fournit le logiciel d’analyse vidéo et le maintient (intervention sur place, jamais à distance)',
        contractReference: `VDN-${yearOf(marketStart)}-031`,
        procurementProcedure: 'Marché sans publicité ni mise en concurrence, montant inférieur à 40 000 € HT (code de la commande publique, art. R. 2122-8)',
      },
    ],
    hosting: {
      provider: 'Serveurs de la ville, salle sécurisée du centre de supervision urbain',
      country: 'France',
      nonEuLawExposure: 'Aucune : images et gabarits restent sur place, sur un réseau sans accès à Internet ; le fournisseur est une société française.',
      transfersOutsideEu: false,
      transferSafeguard: '',
    },
    automation: {
      level: 'decision_support',
      humanOversight:
        'Chaque résultat est vérifié par deux opérateurs avant d’être transmis ; le logiciel affiche un score, jamais une identité certaine. Le taux de fausses correspondances est mesuré et publié chaque trimestre.',
      howToContest:
        'Demandez à la police municipale l’accès aux images qui vous concernent (code de la sécurité intérieure, art. L. 253-5), dans les 30 jours. Vous pouvez saisir la commission départementale de vidéoprotection ou la CNIL. Une personne mise en cause peut contester devant le juge saisi de la procédure.',
    },
    risks: [
      {
        description: 'Fausse correspondance : une personne innocente est désignée. Les évaluations publiées (NIST, 2019) montrent des taux d’erreur plus élevés pour les femmes et les personnes à la peau foncée.',
        severity: 'maximum',
        likelihood: 'significant',
        mitigations: 'Double vérification humaine ; seuil de ressemblance élevé ; aucune action sur la seule proposition du logiciel ; erreurs comptées et publiées.',
        residualRisk: 'significant',
      },
      {
        description: 'Surveillance de masse et effet dissuasif : tous les passants sont analysés, pas seulement les suspects ; se savoir analysé peut décourager d’aller au marché ou de s’y réunir.',
        severity: 'maximum',
        likelihood: 'significant',
        mitigations: 'Analyse limitée au marché du dimanche, de 7 h à 14 h ; panneaux ; recherches seulement sur réquisition ; temps réel désactivé et vérifié par un audit indépendant.',
        residualRisk: 'significant',
      },
      {
        description: 'Détournement de finalité : utiliser les images et les gabarits pour d’autres recherches (manifestations, étrangers, commerçants).',
        severity: 'maximum',
        likelihood: 'limited',
        mitigations: 'Chaque recherche est liée à une réquisition et journalisée ; contrôle mensuel par la déléguée à la protection des données ; bilan public au comité citoyen.',
        residualRisk: 'limited',
      },
      {
        description: 'Illégalité : faute de texte qui l’autorise, le juge administratif peut annuler l’expérimentation et la CNIL la sanctionner.',
        severity: 'significant',
        likelihood: 'significant',
        mitigations: 'Expérimentation limitée à un an ; arrêt immédiat en cas de décision défavorable (plan de retour arrière prêt).',
        residualRisk: 'significant',
      },
      {
        description: 'Vol ou fuite des images et des gabarits.',
        severity: 'maximum',
        likelihood: 'limited',
        mitigations: 'Stockage chiffré sur place, accès nominatif par carte, serveur sans accès à Internet, effacement automatique à 30 jours.',
        residualRisk: 'limited',
      },
    ],
    impactAssessments: [
      {
        kind: 'dpia',
        date: shift(marketStart, { months: -1 }),
        summary:
          'Analyse d’impact relative à la protection des données, faite avec la déléguée à la protection des données. Risques résiduels élevés (fausses correspondances, effet dissuasif, base légale) : la CNIL a été consultée (art. 36 du RGPD) et a émis de fortes réserves ; la ville a maintenu une expérimentation limitée à un an.',
      },
      {
        kind: 'fundamental_rights',
        date: shift(marketStart, { months: -1 }),
        summary:
          'Analyse d’impact sur les droits fondamentaux exigée des organismes publics qui utilisent un système d’IA à haut risque (règlement sur l’IA, art. 27) : vie privée, liberté de réunion, non-discrimination, présomption d’innocence. Mesures reprises dans les risques.',
      },
    ],
    alternatives: [
      {
        description: 'Présence humaine : agents de police municipale et médiateurs à pied pendant le marché.',
        nonInvasive: true,
        whyNotChosen: 'Coût de deux postes ; retenue en partie (un agent le dimanche). Le comité citoyen peut recommander de la renforcer.',
      },
      {
        description: 'Prévention : campagnes contre les vols à la tire, allées élargies, éclairage, consigne pour les sacs.',
        nonInvasive: true,
        whyNotChosen: 'Menée en parallèle : elle réduit les vols mais n’aide pas à retrouver leurs auteurs.',
      },
      {
        description: 'Vidéoprotection sans reconnaissance faciale : un agent regarde les images seulement après un vol signalé.',
        nonInvasive: false,
        whyNotChosen: 'Visionner 30 jours d’images prend des heures ; la ville a voulu tester un gain de temps. C’est l’option de repli si l’expérimentation s’arrête.',
      },
    ],
    proportionality:
      'Motif invoqué : 41 vols à la tire signalés au marché l’an dernier. Le règlement européen sur l’IA interdit en principe l’identification biométrique à distance « en temps réel » dans l’espace public à des fins répressives (art. 5, 1, h), sauf trois exceptions étroites — recherche ciblée de victimes ou de personnes disparues, menace imminente pour la vie ou d’attaque terroriste, localisation d’un suspect d’une infraction grave de l’annexe II —, qui exigent une loi nationale et l’autorisation préalable d’un juge ou d’une autorité indépendante. La France n’a pas adopté cette loi, et le vol à la tire ne figure pas dans l’annexe II : la ville a donc désactivé le temps réel. La recherche a posteriori relève des systèmes à haut risque (annexe III, 1, a) et de l’art. 26, 10 : recherche ciblée, liée à une infraction, autorisée par une autorité judiciaire. Mais tous les passants sont analysés pour quelques recherches par mois, et le droit français ne prévoit aucun traitement biométrique des images de vidéoprotection : la proportionnalité n’est pas démontrée. La ville soumet l’expérimentation à la consultation et au comité citoyen avant toute décision.',
    lifecycle: {
      status: 'pilot',
      startDate: marketStart,
      reviewDate: shift(today, { months: 4 }),
      sunsetDate: shift(marketStart, { months: 12 }),
      rollbackPlan:
        'Désactiver le module de reconnaissance faciale (les caméras classiques continuent), effacer sous 48 heures tous les gabarits et photos de recherche, faire constater l’effacement par la déléguée à la protection des données et publier le constat dans le registre.',
    },
    redactions: [],
  };

  const busStart = shift(today, { months: -8 });
  const bus: DataUseContentInput = {
    title: 'Acheter des données de localisation de téléphones pour redessiner le réseau de bus',
    summary:
      'Pour revoir ses lignes de bus, la ville achète à un courtier les positions de téléphones captées par des applications mobiles sur la commune. Chaque téléphone a un identifiant pseudonyme : on peut en déduire domicile et travail. Les trajets détaillés sont effacés après 6 mois ; seuls des tableaux agrégés sont gardés.',
    domain: 'mobility',
    neighbourhoodIds: ids(ALL_NEIGHBOURHOODS),
    tags: ['géolocalisation', 'courtier en données', 'bus', 'déplacements'],
    accountability: {
      controller: 'Ville de Val-de-Noue',
      department: 'Direction de la mobilité',
      contactEmail: 'mobilite@val-de-noue.test',
      dpoContact: townDpo,
      jointControllers: ['Syndicat intercommunal des transports de la vallée de la Noue (autorité organisatrice de la mobilité)'],
      authorisingAct: { title: 'Délibération du conseil municipal approuvant l’étude de restructuration du réseau de bus', date: shift(busStart, { months: -2 }) },
    },
    purpose: {
      purposes: ['Mesurer les déplacements entre quartiers et communes voisines, par heure et par jour (tableaux origine-destination).', 'Préparer le nouveau plan du réseau de bus : lignes, arrêts, horaires.'],
      decisionProcess: 'Les tableaux agrégés alimentent une étude ; les élus adoptent le plan après une concertation publique. Aucune décision ne vise une personne.',
      outOfScopeUses: ['Aucun usage pour la sécurité, le contrôle ou la verbalisation.', 'Aucune revente, aucun croisement avec d’autres fichiers de la ville.'],
    },
    legal: {
      basis: 'e_public_task',
      basisDetail:
        'Organisation de la mobilité (code des transports, art. L. 1231-1 et suivants). La ville n’a pas recueilli le consentement des personnes : elle s’appuie sur celui que le courtier dit avoir obtenu dans les applications, qu’elle ne peut pas vérifier elle-même.',
      specialCategories: [],
      criminalOffenceData: false,
      regime: 'gdpr',
      aiActRiskClass: 'minimal',
    },
    data: {
      subjectCategories: ['Personnes dont le téléphone porte une application partenaire du courtier, présentes sur la commune : habitants, travailleurs, visiteurs'],
      estimatedPeopleAffected: 9_000,
      categories: [
        {
          name: 'Positions du téléphone',
          description: 'Latitude, longitude, date, heure et précision, plusieurs fois par heure quand une application partenaire est active.',
          reveals: 'Votre domicile (où le téléphone passe la nuit), votre travail, vos lieux de culte, de soin ou d’engagement, vos habitudes et vos rencontres.',
          source: 'Courtier en données, qui les achète à des éditeurs d’applications (météo, jeux, fidélité).',
          collectionMode: 'Extrait limité à la commune, livré chaque mois.',
          retention: 'Trajets détaillés : 6 mois, puis effacés. Tableaux agrégés (au moins 20 personnes par case) : 5 ans.',
          access: 'Deux chargés d’études de la direction de la mobilité ; le bureau d’études pour l’agrégation.',
        },
        {
          name: 'Identifiant publicitaire haché',
          description: 'L’identifiant publicitaire du téléphone, haché par le courtier, qui relie les positions d’un même appareil.',
          reveals: 'Permet de suivre un même téléphone dans le temps ; croisé avec d’autres bases, il peut mener à la personne.',
          source: 'Courtier en données.',
          collectionMode: 'Livré avec les positions.',
          retention: '6 mois',
          access: 'Bureau d’études seulement.',
        },
        {
          name: 'Caractéristiques déduites',
          description: 'Quartier de domicile et de travail estimés, mode de transport probable, calculés par le bureau d’études.',
          reveals: 'Où vous habitez et travaillez, si vous avez une voiture.',
          source: 'Calculées à partir des positions.',
          collectionMode: 'Calcul automatique.',
          retention: '6 mois',
          access: 'Bureau d’études ; la ville ne reçoit que des tableaux agrégés.',
        },
      ],
    },
    recipients: ['Direction de la mobilité', 'Syndicat intercommunal des transports (tableaux agrégés seulement)', 'Le public : tableaux agrégés en données ouvertes'],
    processors: [
      {
        name: 'Mobilitics Conseil SARL',
        role: 'Bureau d’études : nettoyage des données, calcul des tableaux origine-destination',
        contractReference: `VDN-${yearOf(busStart)}-012`,
        procurementProcedure: 'Procédure adaptée avec publicité, 4 offres reçues',
      },
      {
        name: 'Géoflux Data SAS',
        role: 'Fournisseur des données (courtier, responsable de son propre traitement, pas sous-traitant)',
        contractReference: `VDN-${yearOf(busStart)}-013`,
        procurementProcedure: 'Achat sur le catalogue d’une centrale d’achat publique',
      },
    ],
    hosting: {
      provider: 'Plateforme de livraison du courtier (Irlande), puis serveurs du bureau d’études (France)',
      country: 'Irlande, France',
      nonEuLawExposure:
        'Les données livrées restent dans l’Union européenne. Mais leur collecte d’origine passe par les kits logiciels de partenaires du courtier, dont certains sont américains : la ville ne maîtrise pas cette chaîne.',
      transfersOutsideEu: false,
      transferSafeguard: '',
    },
    automation: {
      level: 'information',
      humanOversight: 'Les résultats sont relus par les chargés d’études et comparés aux comptages réalisés dans les bus.',
      howToContest:
        'La ville ne peut pas retrouver votre téléphone à partir de votre nom : pour vos droits à la source, adressez-vous à l’éditeur de l’application ou au courtier. Pour contester l’usage qu’en fait la ville : mobilite@val-de-noue.test, la déléguée à la protection des données, ou la CNIL.',
    },
    risks: [
      {
        description: 'Ré-identification : quatre points de localisation suffisent à distinguer 95 % des personnes (de Montjoye et al., 2013) ; des trajets « pseudonymes » mènent à leur domicile, donc à leur nom.',
        severity: 'maximum',
        likelihood: 'significant',
        mitigations: 'Accès limité à deux personnes, aucune extraction individuelle, zones de domicile floutées à 500 m, effacement à 6 mois ; seuls sortent des tableaux d’au moins 20 personnes par case.',
        residualRisk: 'significant',
      },
      {
        description: 'Collecte d’origine illicite : le consentement recueilli par les applications est souvent invalide (bannières trompeuses) ; la CNIL a déjà mis en demeure des sociétés de ce secteur.',
        severity: 'significant',
        likelihood: 'significant',
        mitigations: 'Audit contractuel des preuves de consentement ; clause de résiliation sans frais ; aucune livraison sans preuve.',
        residualRisk: 'significant',
      },
      {
        description: 'Biais : les personnes âgées ou sans smartphone, souvent usagères du bus, sont absentes des données ; le plan pourrait les oublier.',
        severity: 'significant',
        likelihood: 'maximum',
        mitigations: 'Comptages dans les bus et enquête à bord pour corriger ; réunions publiques dans chaque quartier, notamment à La Noue.',
        residualRisk: 'limited',
      },
      {
        description: 'Détournement vers la sécurité ou le contrôle.',
        severity: 'maximum',
        likelihood: 'negligible',
        mitigations: 'Interdit par le contrat et la délibération ; journal des accès contrôlé par la déléguée à la protection des données.',
        residualRisk: 'negligible',
      },
    ],
    impactAssessments: [
      {
        kind: 'dpia',
        date: shift(busStart, { months: -1 }),
        summary: 'Risque élevé de ré-identification, réduit par l’agrégation et l’effacement à 6 mois. Point non résolu : la licéité de la collecte d’origine dépend du courtier et de ses partenaires.',
      },
    ],
    alternatives: [
      {
        description: 'Enquête sur les déplacements auprès d’un échantillon volontaire d’habitants (méthode du Cerema).',
        nonInvasive: true,
        whyNotChosen: 'Plus longue (un an) et plus chère. Elle reste la référence pour les personnes sans smartphone ; la ville s’engage à l’utiliser au prochain renouvellement.',
      },
      {
        description: 'Compteurs automatiques de montées et descentes dans les bus, et billettique sans nom.',
        nonInvasive: true,
        whyNotChosen: 'Déjà utilisés ; ils montrent les usagers actuels, pas les trajets faits en voiture que la ville veut attirer vers le bus.',
      },
      {
        description: 'Statistiques agrégées achetées à un opérateur de téléphonie, sans aucune donnée individuelle livrée.',
        nonInvasive: false,
        whyNotChosen: 'L’offre reçue ne descendait pas sous l’échelle de la commune entière ; à réexaminer.',
      },
    ],
    proportionality:
      'La ville a besoin de savoir où vont les habitants pour adapter ses lignes. Acheter des positions individuelles est l’option la plus intrusive, choisie pour sa précision et sa rapidité. Cela ne suffit pas à justifier le traitement des trajets de 9 000 personnes qui ignorent tout de la ville : elle limite donc la durée, ne garde que des tableaux agrégés et s’engage à passer à une enquête ou à des statistiques d’opérateur au prochain renouvellement. Le comité citoyen est invité à se prononcer.',
    lifecycle: {
      status: 'operational',
      startDate: busStart,
      reviewDate: shift(today, { months: 5 }),
      sunsetDate: shift(busStart, { months: 24 }),
      rollbackPlan: 'Arrêter les livraisons, faire effacer les données individuelles sous 30 jours avec une attestation du bureau d’études, ne garder que les tableaux agrégés déjà publiés.',
    },
    redactions: [],
  };

  const healthStart = shift(today, { months: -26 });
  const health: DataUseContentInput = {
    title: 'Réunir les dossiers des patients dans un entrepôt régional de données de santé',
    summary:
      'Les dossiers des patients du centre municipal de santé et de l’hôpital sont copiés chaque nuit, sous pseudonyme, dans un entrepôt régional, pour des études autorisées une à une. L’hébergeur est la filiale d’un groupe américain, soumise au CLOUD Act. Vous pouvez vous y opposer sans aucun effet sur vos soins.',
    domain: 'health',
    neighbourhoodIds: ids(ALL_NEIGHBOURHOODS),
    tags: ['santé', 'entrepôt de données', 'recherche', 'CLOUD Act'],
    accountability: {
      controller: 'Groupement d’intérêt public « Entrepôt régional de données de santé »',
      department: 'Direction de l’entrepôt',
      contactEmail: 'contact@erds-noue.test',
      dpoContact: 'Délégué à la protection des données du groupement — dpo@erds-noue.test',
      jointControllers: ['Ville de Val-de-Noue (centre municipal de santé)', 'Centre hospitalier de la vallée de la Noue'],
      authorisingAct: {
        title: 'Convention constitutive du groupement ; déclaration de conformité au référentiel de la CNIL sur les entrepôts de données de santé (délibération n° 2021-118)',
        date: shift(healthStart, { months: -4 }),
      },
    },
    purpose: {
      purposes: [
        'Permettre des études sur les maladies chroniques dans la vallée (diabète, insuffisance respiratoire), autorisées projet par projet.',
        'Aider à organiser l’offre de soins : manque de médecins, dépistage dans les quartiers.',
      ],
      decisionProcess: 'Un comité scientifique et éthique examine chaque projet ; seules les données utiles au projet sont ouvertes, dans un espace sécurisé. Aucune décision n’est prise sur un patient.',
      outOfScopeUses: ['Aucune transmission aux assureurs, aux employeurs ni aux laboratoires à des fins commerciales.', 'Aucun usage pour décider des soins d’un patient.'],
    },
    legal: {
      basis: 'e_public_task',
      basisDetail: 'Mission d’intérêt public de recherche et de santé publique, dans le cadre du référentiel de la CNIL sur les entrepôts de données de santé. Information des patients et droit d’opposition.',
      specialCategories: [
        {
          category: 'health',
          exception: 'Intérêt public dans le domaine de la santé publique et recherche scientifique (art. 9, 2, i et j du RGPD), selon le référentiel de la CNIL.',
        },
      ],
      criminalOffenceData: false,
      regime: 'gdpr',
      aiActRiskClass: 'minimal',
    },
    data: {
      subjectCategories: ['Patients du centre municipal de santé et de l’hôpital, mineurs compris', 'Professionnels de santé cités dans les dossiers'],
      estimatedPeopleAffected: 48_000,
      categories: [
        {
          name: 'Dossier médical pseudonymisé',
          description: 'Diagnostics, traitements, résultats d’analyses, comptes rendus de consultation et d’hospitalisation, sans nom ni numéro de sécurité sociale.',
          reveals: 'Vos maladies, vos traitements, une grossesse, votre santé mentale, une addiction : parmi les informations les plus sensibles.',
          source: 'Logiciels du centre municipal de santé et de l’hôpital.',
          collectionMode: 'Extraction automatique chaque nuit ; pseudonymisation avant l’envoi.',
          retention: '20 ans après le dernier soin',
          access: 'Équipes de recherche autorisées, pour leur projet seulement, dans un espace sécurisé sans export de données individuelles.',
        },
        {
          name: 'Données sociales et de lieu',
          description: 'Année de naissance, sexe, quartier de résidence, régime d’assurance maladie (dont la complémentaire santé solidaire).',
          reveals: 'Votre quartier et, par la complémentaire santé solidaire, de faibles revenus ; avec l’âge et le sexe, elles peuvent suffire à vous retrouver dans un petit quartier.',
          source: 'Dossiers administratifs des patients.',
          collectionMode: 'Extraction automatique chaque nuit.',
          retention: '20 ans après le dernier soin',
          access: 'Équipes de recherche autorisées ; quartier remplacé par la commune pour les petits effectifs.',
        },
        {
          name: 'Table de correspondance',
          description: 'Le lien entre votre identité et votre pseudonyme, nécessaire pour ajouter les nouvelles données au bon dossier et respecter votre opposition.',
          reveals: 'Qui est derrière chaque pseudonyme.',
          source: 'Calculée lors de la pseudonymisation.',
          collectionMode: 'Automatique.',
          retention: 'Autant que les dossiers',
          access: 'Tiers de confiance de l’hôpital seulement, séparé de l’entrepôt.',
        },
      ],
    },
    recipients: ['Équipes de recherche autorisées par le comité scientifique et éthique', 'Agence régionale de santé (statistiques agrégées)'],
    processors: [
      {
        name: 'Nimbus Cloud Europe SARL',
        role: 'Hébergeur certifié pour les données de santé (HDS) : serveurs et stockage',
        contractReference: `GIP-ERDS-${yearOf(healthStart)}-04`,
        procurementProcedure: 'Appel d’offres ouvert, publié au Journal officiel de l’Union européenne',
      },
      {
        name: 'Datasanté Solutions SAS',
        role: 'Logiciel de pseudonymisation et espace d’analyse sécurisé',
        contractReference: `GIP-ERDS-${yearOf(healthStart)}-05`,
        procurementProcedure: 'Accord-cadre issu d’un appel d’offres ouvert',
      },
    ],
    hosting: {
      provider: 'Nimbus Cloud Europe SARL, filiale d’un groupe américain (centres de données en région parisienne)',
      country: 'France',
      nonEuLawExposure:
        'Les serveurs sont en France, mais la maison mère américaine est soumise au CLOUD Act et à la section 702 de la loi FISA : les autorités américaines peuvent lui demander des données, même stockées en Europe. Les données sont chiffrées, mais les clés sont gérées par l’hébergeur.',
      transfersOutsideEu: true,
      transferSafeguard: 'Support technique possible depuis les États-Unis : clauses contractuelles types et adhésion du groupe au cadre de protection des données UE–États-Unis (décision d’adéquation de juillet 2023).',
    },
    automation: {
      level: 'information',
      humanOversight: 'Chaque projet est autorisé par le comité scientifique et éthique ; les résultats publiés ne contiennent que des statistiques.',
      howToContest:
        'Vous pouvez vous opposer à tout moment à l’utilisation de vos données, sans effet sur vos soins : formulaire au centre municipal de santé ou par e-mail au délégué du groupement (dpo@erds-noue.test). Accès et rectification : même adresse. Vous pouvez aussi saisir la CNIL.',
    },
    risks: [
      {
        description: 'Accès par une autorité étrangère : l’hébergeur peut être contraint par le droit américain de livrer des données, sans que les patients le sachent.',
        severity: 'maximum',
        likelihood: 'limited',
        mitigations: 'Pseudonymisation avant l’envoi ; chiffrement ; engagement contractuel de contester toute demande et d’en informer le groupement ; migration vers un hébergeur qualifié SecNumCloud prévue à la fin du marché.',
        residualRisk: 'significant',
      },
      {
        description: 'Ré-identification dans les petits quartiers : une maladie rare, un âge et un quartier peuvent désigner une personne.',
        severity: 'maximum',
        likelihood: 'limited',
        mitigations: 'Quartier remplacé par la commune pour les effectifs de moins de 11 personnes ; accès projet par projet ; aucune donnée individuelle ne sort de l’espace sécurisé.',
        residualRisk: 'limited',
      },
      {
        description: 'Information insuffisante : beaucoup de patients ignorent que leurs données partent dans l’entrepôt et qu’ils peuvent s’y opposer.',
        severity: 'significant',
        likelihood: 'significant',
        mitigations: 'Affiches et dépliant au centre de santé, information remise à la consultation suivante, opposition par un simple formulaire, liste des projets publiée.',
        residualRisk: 'limited',
      },
      {
        description: 'Cyberattaque (rançongiciel), comme en ont subi plusieurs hôpitaux français.',
        severity: 'maximum',
        likelihood: 'significant',
        mitigations: 'Sauvegardes hors ligne, authentification forte des chercheurs, tests d’intrusion annuels.',
        residualRisk: 'significant',
      },
    ],
    impactAssessments: [
      {
        kind: 'dpia',
        date: shift(healthStart, { months: -3 }),
        summary: 'Analyse d’impact exigée par le référentiel de la CNIL. Risque principal jugé résiduel : l’exposition au droit américain, acceptée faute d’offre qualifiée SecNumCloud au moment de l’appel d’offres.',
      },
    ],
    alternatives: [
      {
        description: 'Études sur des cohortes de volontaires qui consentent, ou sur des statistiques agrégées fournies par chaque établissement.',
        nonInvasive: true,
        whyNotChosen: 'Utilisées pour certaines études ; plus lentes et moins complètes pour suivre des maladies chroniques sur plusieurs années.',
      },
      {
        description: 'Héberger l’entrepôt chez un prestataire qualifié SecNumCloud, à l’abri des lois extraterritoriales.',
        nonInvasive: false,
        whyNotChosen: 'Aucune offre qualifiée complète lors de l’appel d’offres ; la migration est prévue à la fin du marché.',
      },
    ],
    proportionality:
      'Suivre les maladies chroniques d’un territoire demande des données détaillées sur plusieurs années ; la pseudonymisation, l’accès projet par projet et le droit d’opposition limitent l’atteinte. Le choix d’un hébergeur soumis au droit américain pour des données de santé n’est pas proportionné à long terme : il est assumé comme transitoire, jusqu’à la fin du marché.',
    lifecycle: {
      status: 'operational',
      startDate: healthStart,
      reviewDate: shift(today, { months: 7 }),
      rollbackPlan:
        'Si la ville se retire, les extractions du centre municipal de santé s’arrêtent le jour même ; les données déjà versées restent dans l’entrepôt, sauf décision du groupement : point à négocier, signalé au comité citoyen.',
    },
    redactions: [],
  };

  const canteenStart = shift(today, { months: -38 });
  const canteen: DataUseContentInput = {
    title: 'Contrôler l’entrée à la cantine scolaire par la forme de la main',
    summary:
      'À l’école élémentaire des Jardins-Ouvriers, les enfants tapent un code et posent la main sur un lecteur pour entrer à la cantine : le lecteur mesure la forme de la main et compte le repas. Il faut l’accord écrit d’un parent ; sinon l’enfant reçoit un badge, sans aucune différence de service.',
    domain: 'education',
    neighbourhoodIds: ids(['Les Jardins-Ouvriers']),
    tags: ['biométrie', 'enfants', 'école', 'cantine'],
    accountability: {
      controller: 'Ville de Val-de-Noue',
      department: 'Direction de l’éducation — restauration scolaire',
      contactEmail: 'education@val-de-noue.test',
      dpoContact: townDpo,
      jointControllers: [],
      authorisingAct: { title: 'Délibération du conseil municipal adoptant le règlement de la restauration scolaire', date: shift(canteenStart, { months: -2 }) },
    },
    purpose: {
      purposes: ['Compter les repas servis pour les facturer aux familles.', 'Savoir quels enfants inscrits sont passés à la cantine.'],
      decisionProcess: 'Le lecteur enregistre le passage ; l’agent de cantine voit le prénom de l’enfant et corrige à la main en cas d’erreur. La facture est calculée à partir des passages.',
      outOfScopeUses: ['Aucun contrôle de ce que l’enfant mange.', 'Aucun usage hors de la cantine (entrée de l’école, garderie).'],
    },
    legal: {
      basis: 'e_public_task',
      basisDetail:
        'Service public de restauration scolaire (code de l’éducation, art. L. 131-13). Le recours à la biométrie repose sur l’accord écrit et explicite d’un parent, retirable à tout moment ; sans accord, un badge est remis.',
      specialCategories: [
        {
          category: 'biometric_identification',
          exception: 'Consentement explicite d’un titulaire de l’autorité parentale (art. 9, 2, a du RGPD), libre seulement parce qu’un badge est proposé sans aucune contrepartie.',
        },
      ],
      criminalOffenceData: false,
      regime: 'gdpr',
      aiActRiskClass: 'not_ai',
    },
    data: {
      subjectCategories: ['Enfants de 6 à 11 ans de l’école élémentaire des Jardins-Ouvriers', 'Parents (accord, facturation)', 'Agents de restauration'],
      estimatedPeopleAffected: 280,
      categories: [
        {
          name: 'Gabarit de la forme de la main',
          description: 'Des mesures de la longueur et de la largeur des doigts et de la main, transformées en code. Ni photo de la main, ni empreinte digitale.',
          reveals: 'Permet de reconnaître l’enfant ; c’est une caractéristique de son corps, qu’on ne peut pas changer comme un badge.',
          source: 'Lecteur à l’entrée de la cantine, lors d’un enrôlement avec un agent.',
          collectionMode: 'Enrôlement une fois par an, puis vérification à chaque repas (code à 4 chiffres et main).',
          retention: 'Jusqu’au départ de l’école ou au retrait de l’accord ; effacé sous un mois.',
          access: 'Personne ne lit le gabarit ; l’agent voit le prénom de l’enfant reconnu.',
        },
        {
          name: 'Identité et passages à la cantine',
          description: 'Nom, prénom, classe, jours de passage ; un repère « repas adapté » s’affiche pour l’agent, sans motif.',
          reveals: 'Un repas adapté peut laisser deviner une allergie ou une pratique religieuse.',
          source: 'Inscription par les parents ; lecteur ou badge.',
          collectionMode: 'Formulaire d’inscription ; passage quotidien.',
          retention: 'Année scolaire en cours, plus un an',
          access: 'Agents de restauration ; service facturation.',
        },
        {
          name: 'Facturation des familles',
          description: 'Nom et adresse du parent payeur, tranche de quotient familial, montants facturés et payés.',
          reveals: 'Les revenus du foyer (tranche de quotient familial), d’éventuelles difficultés de paiement.',
          source: 'Parents ; caisse d’allocations familiales pour le quotient.',
          collectionMode: 'Formulaire d’inscription.',
          retention: 'Durée de conservation des pièces comptables publiques',
          access: 'Service facturation ; trésorerie publique.',
        },
      ],
    },
    recipients: ['Direction de l’éducation (restauration, facturation)', 'Trésorerie publique (paiements)'],
    processors: [
      {
        name: 'Restopass Systèmes SARL',
        role: 'Fournit et maintient les lecteurs et le logiciel de pointage',
        contractReference: `VDN-${yearOf(canteenStart)}-007`,
        procurementProcedure: 'Procédure adaptée avec publicité, 3 offres reçues',
      },
    ],
    hosting: {
      provider: 'Serveur local de l’école (gabarits) et serveur de la mairie (passages, facturation)',
      country: 'France',
      nonEuLawExposure: 'Aucune : les gabarits restent sur un serveur de l’école sans accès à Internet ; le prestataire intervient sur place.',
      transfersOutsideEu: false,
      transferSafeguard: '',
    },
    automation: {
      level: 'information',
      humanOversight: 'L’agent de cantine voit chaque passage et a la liste de la classe ; un enfant non reconnu entre quand même et son passage est saisi à la main.',
      howToContest:
        'Retirez votre accord à tout moment (education@val-de-noue.test ou à l’accueil de l’école) : le gabarit est effacé sous un mois et un badge est remis. Pour l’accès ou l’effacement : la déléguée à la protection des données. Vous pouvez aussi saisir la CNIL.',
    },
    risks: [
      {
        description: 'Une donnée biométrique d’enfant, gardée dans une base, peut être volée ; contrairement à un badge, elle ne se remplace pas.',
        severity: 'significant',
        likelihood: 'limited',
        mitigations: 'Gabarit et non image ; serveur local chiffré sans accès à Internet ; effacement au départ de l’école.',
        residualRisk: 'limited',
      },
      {
        description: 'Banalisation : habituer des enfants à donner une mesure de leur corps pour accéder à un service ordinaire.',
        severity: 'significant',
        likelihood: 'significant',
        mitigations: 'Le badge est présenté en premier dans le formulaire ; explication en classe ; fin prévue du lecteur au terme du marché.',
        residualRisk: 'significant',
      },
      {
        description: 'Accord peu libre : des parents acceptent pour que l’enfant « fasse comme les autres ».',
        severity: 'limited',
        likelihood: 'significant',
        mitigations: 'Même file et même service pour tous ; le mode d’accès n’est jamais affiché en classe ; retrait de l’accord par simple message.',
        residualRisk: 'limited',
      },
      {
        description: 'Erreur de lecture : un enfant non reconnu serait refoulé ou compté absent.',
        severity: 'limited',
        likelihood: 'limited',
        mitigations: 'Saisie à la main par l’agent ; aucun enfant n’est privé de repas.',
        residualRisk: 'negligible',
      },
    ],
    impactAssessments: [
      {
        kind: 'dpia',
        date: shift(canteenStart, { months: -1 }),
        summary: 'Analyse d’impact (données biométriques de personnes vulnérables). Conclusion : acceptable seulement avec une alternative réelle ; recommandation d’abandonner la biométrie au renouvellement du marché.',
      },
    ],
    alternatives: [
      {
        description: 'Badge sans contact nominatif remis à chaque enfant.',
        nonInvasive: true,
        whyNotChosen: 'Proposé à toutes les familles dès le départ. Des badges se perdent ; la ville envisage de le généraliser à la fin du marché.',
      },
      {
        description: 'Liste de la classe cochée par l’agent de cantine.',
        nonInvasive: true,
        whyNotChosen: 'Méthode d’avant le lecteur : jugée lente (10 minutes de plus par service) et source d’erreurs de facturation.',
      },
      {
        description: 'Lecteur d’empreintes digitales.',
        nonInvasive: false,
        whyNotChosen: 'Écarté : l’empreinte laisse des traces partout et se réutilise plus facilement que la forme de la main.',
      },
    ],
    proportionality:
      'Compter des repas est un but ordinaire, qu’un badge ou une liste atteignent sans biométrie. Le lecteur n’apporte qu’un gain de temps et évite les badges perdus. Pour des mineurs, la CNIL invite à préférer les dispositifs non biométriques. Le lecteur ne fonctionne donc que pour les familles qui l’ont choisi, et la ville prévoit de l’arrêter à la fin du marché, sauf avis contraire du comité citoyen. Le lecteur compare des mesures selon des règles fixes : ce n’est pas un système d’IA au sens du règlement européen.',
    lifecycle: {
      status: 'operational',
      startDate: canteenStart,
      reviewDate: shift(today, { months: 3 }),
      sunsetDate: shift(today, { months: 9 }),
      rollbackPlan: 'Remettre un badge à chaque enfant en une semaine (stock disponible), effacer les gabarits du serveur et des lecteurs, attestation d’effacement du prestataire publiée dans le registre.',
    },
    redactions: [],
  };

  const housingStart = shift(today, { months: -14 });
  // The supplier whose contract reference is withheld: a redaction names its item by id.
  const housingSoftware = randomUUID();
  const housing: DataUseContentInput = {
    title: 'Noter les demandes de logement social pour préparer les commissions d’attribution',
    summary:
      'Chaque demande de logement social déposée à Val-de-Noue reçoit des points selon une grille publique (ancienneté, urgence, foyer, revenus). Un logiciel calcule le score ; un module d’IA propose un niveau d’urgence à partir de la note sociale. Un agent confirme, la commission décide. Vous pouvez connaître vos points et leurs raisons.',
    domain: 'social_services',
    neighbourhoodIds: ids(['La Noue', 'Le Plateau']),
    tags: ['logement social', 'cotation', 'algorithme', 'IA à haut risque'],
    accountability: {
      controller: 'Ville de Val-de-Noue',
      department: 'Service logement',
      contactEmail: 'logement@val-de-noue.test',
      dpoContact: townDpo,
      jointControllers: ['Communauté d’agglomération de la vallée de la Noue (grille de cotation)'],
      authorisingAct: { title: 'Plan partenarial de gestion de la demande de logement social de l’agglomération, avec sa grille de cotation', date: shift(housingStart, { months: -3 }) },
    },
    purpose: {
      purposes: ['Classer les demandes selon la grille de cotation de l’agglomération.', 'Proposer trois candidats par logement libéré aux commissions d’attribution des bailleurs.'],
      decisionProcess:
        'Le logiciel calcule les points de chaque demande selon la grille publiée. Le module d’IA lit la note du travailleur social et propose un niveau d’urgence, qu’un instructeur confirme ou corrige. La ville propose trois candidats ; la commission d’attribution du bailleur décide et peut s’écarter du classement en motivant sa décision.',
      outOfScopeUses: ['Aucune prédiction d’impayés ni de comportement.', 'Aucun usage des notes sociales hors de la demande de logement.'],
    },
    legal: {
      basis: 'c_legal_obligation',
      basisDetail:
        'Cotation obligatoire de la demande de logement social (code de la construction et de l’habitation, art. L. 441-2-8). Décision fondée en partie sur un traitement algorithmique : mention et explication dues au demandeur (code des relations entre le public et l’administration, art. L. 311-3-1 et R. 311-3-1-2).',
      specialCategories: [
        {
          category: 'health',
          exception: 'Handicap ou état de santé donnant priorité : obligations de protection sociale et motif d’intérêt public prévu par la loi (art. 9, 2, b et g du RGPD ; publics prioritaires, code de la construction et de l’habitation, art. L. 441-1).',
        },
      ],
      criminalOffenceData: false,
      regime: 'gdpr',
      aiActRiskClass: 'high',
    },
    data: {
      subjectCategories: ['Demandeurs de logement social et membres de leur foyer, enfants compris'],
      estimatedPeopleAffected: 1_900,
      categories: [
        {
          name: 'Situation du foyer',
          description: 'Composition du foyer, âges, revenus, emploi, logement actuel et loyer, ancienneté de la demande.',
          reveals: 'Vos revenus, une séparation, le nombre de vos enfants, votre emploi.',
          source: 'Le demandeur, via le formulaire national de demande.',
          collectionMode: 'Formulaire et pièces justificatives.',
          retention: 'Tant que la demande est active (renouvelée chaque année), puis un an',
          access: 'Instructeurs du service logement ; commission d’attribution.',
        },
        {
          name: 'Motifs de priorité',
          description: 'Handicap, violences conjugales, menace d’expulsion, logement indigne ou sur-occupé.',
          reveals: 'Un handicap ou une maladie, des violences subies, une expulsion : des informations très sensibles.',
          source: 'Le demandeur ; travailleurs sociaux.',
          collectionMode: 'Formulaire ; note sociale jointe au dossier.',
          retention: 'Tant que la demande est active, puis un an',
          access: 'Instructeurs seulement ; la commission ne voit que les points.',
        },
        {
          name: 'Note du travailleur social',
          description: 'Texte libre décrivant la situation, lu par le module d’IA pour proposer un niveau d’urgence.',
          reveals: 'Tout ce que le travailleur social a jugé utile d’écrire sur votre vie.',
          source: 'Travailleurs sociaux du département ou du centre communal d’action sociale.',
          collectionMode: 'Jointe au dossier.',
          retention: 'Tant que la demande est active, puis un an',
          access: 'Instructeurs ; le module d’IA (sans nom ni nationalité).',
        },
        {
          name: 'Points et classement',
          description: 'Les points obtenus pour chaque critère, le total, le niveau d’urgence proposé et confirmé, le rang.',
          reveals: 'Comment l’administration évalue votre situation.',
          source: 'Calculé par le logiciel.',
          collectionMode: 'Calcul automatique à chaque mise à jour du dossier.',
          retention: 'Tant que la demande est active, puis un an',
          access: 'Le demandeur (détail des points) ; instructeurs ; commission.',
        },
      ],
    },
    recipients: ['Service logement', 'Commissions d’attribution des bailleurs sociaux', 'Communauté d’agglomération (statistiques)'],
    processors: [
      {
        id: housingSoftware,
        name: 'Logiscore SAS',
        role: 'Éditeur du logiciel de gestion et de cotation et de son module d’IA ; hébergement',
        contractReference: `VDN-${yearOf(housingStart)}-022`,
        procurementProcedure: 'Appel d’offres ouvert, 2 candidats',
      },
    ],
    hosting: {
      provider: 'Logiscore SAS, centre de données en France',
      country: 'France',
      nonEuLawExposure: 'Aucune : éditeur et hébergement français, sans maison mère hors de l’Union européenne.',
      transfersOutsideEu: false,
      transferSafeguard: '',
    },
    automation: {
      level: 'decision_support',
      humanOversight:
        'Chaque niveau d’urgence proposé par le module est confirmé ou corrigé par un instructeur. La commission examine les dossiers en entier et motive chaque écart au classement ; le taux d’écart est publié chaque année.',
      howToContest:
        'Demandez au service logement le détail de vos points et du rôle du logiciel (code des relations entre le public et l’administration, art. L. 311-3-1) ; faites corriger une information. Un refus se conteste devant la commission de médiation (droit au logement opposable) ou le tribunal administratif.',
    },
    risks: [
      {
        description: 'Discrimination indirecte : un critère ou le module d’IA peut défavoriser certains groupes (familles nombreuses, personnes étrangères, femmes seules).',
        severity: 'maximum',
        likelihood: 'limited',
        mitigations: 'Audit annuel des résultats par sexe, âge, quartier et nationalité ; le module ne voit ni nom ni nationalité ; chaque proposition est confirmée par un agent.',
        residualRisk: 'limited',
      },
      {
        description: 'Automatisation de fait : la commission suit le classement sans examiner les dossiers.',
        severity: 'significant',
        likelihood: 'significant',
        mitigations: 'Trois dossiers complets présentés par logement ; écarts motivés au procès-verbal ; taux d’écart publié.',
        residualRisk: 'limited',
      },
      {
        description: 'Erreur de donnée : un revenu mal saisi fait perdre des points et des mois d’attente.',
        severity: 'significant',
        likelihood: 'significant',
        mitigations: 'Le demandeur reçoit le détail de ses points à chaque changement et peut le faire corriger au guichet ou en ligne.',
        residualRisk: 'limited',
      },
      {
        description: 'Fuite d’informations très sensibles (violences, handicap).',
        severity: 'maximum',
        likelihood: 'limited',
        mitigations: 'Motifs de priorité visibles des seuls instructeurs ; hébergement en France ; chiffrement ; journal des consultations.',
        residualRisk: 'limited',
      },
    ],
    impactAssessments: [
      {
        kind: 'dpia',
        date: shift(housingStart, { months: -2 }),
        summary: 'Analyse d’impact : données sensibles à grande échelle et évaluation de personnes. Mesures principales : validation humaine, accès restreint aux motifs de priorité, détail des points communiqué au demandeur.',
      },
      {
        kind: 'fundamental_rights',
        date: shift(today, { months: -3 }),
        summary: 'Analyse d’impact sur les droits fondamentaux du module d’IA (règlement sur l’IA, art. 27) : droit au logement, non-discrimination, droit à un recours. Conclusion : maintien sous condition d’un audit annuel des écarts.',
      },
    ],
    alternatives: [
      {
        description: 'Calculer la grille à la main, sans module d’IA : l’instructeur fixe lui-même le niveau d’urgence.',
        nonInvasive: true,
        whyNotChosen: 'Possible : le module ne fait que proposer. La ville l’a gardé pour gagner du temps ; le comité citoyen peut recommander de le retirer.',
      },
      {
        description: 'Examiner les dossiers par ordre d’ancienneté, sans grille.',
        nonInvasive: true,
        whyNotChosen: 'La cotation est obligatoire, et l’ancienneté seule ignore l’urgence des situations.',
      },
    ],
    proportionality:
      'La cotation est imposée par la loi et rend les attributions plus transparentes qu’un choix au cas par cas. Ce qui doit être justifié, c’est le module d’IA qui lit les notes sociales : il traite des informations très sensibles pour un gain de temps. Il relève des systèmes à haut risque du règlement européen sur l’IA (annexe III, 5, a) ; la ville a fait une analyse d’impact sur les droits fondamentaux et garde une validation humaine de chaque proposition. La grille et ses pondérations sont publiques, et chaque demandeur peut obtenir le détail de ses points.',
    lifecycle: {
      status: 'operational',
      startDate: housingStart,
      reviewDate: shift(today, { months: 6 }),
      rollbackPlan: 'Désactiver le module d’IA (les instructeurs fixent l’urgence à la main) sans interrompre la cotation, qui est obligatoire ; effacer les niveaux d’urgence proposés par le module.',
    },
    redactions: [
      {
        field: `processors.${housingSoftware}.contractReference`,
        reason:
          'Un candidat évincé conteste l’attribution de ce marché devant le tribunal administratif : la référence est retenue pendant la procédure (code des relations entre le public et l’administration, art. L. 311-5, 2°, f) et sera publiée à son issue. Le nom du prestataire et la procédure restent publics.',
      },
    ],
  };

  const noise: DataUseContentInput = {
    title: 'Mesurer le bruit des rues avec des capteurs sur les lampadaires',
    summary:
      'La ville prévoit d’installer 12 capteurs de bruit sur des lampadaires du Centre ancien et du Plateau, pour mesurer le bruit de la circulation, des livraisons et des terrasses. Les capteurs calculent un niveau sonore et un type de bruit ; ils n’enregistrent et ne transmettent aucun son. Les moyennes seront publiées en données ouvertes.',
    domain: 'urban_planning',
    neighbourhoodIds: ids(['Centre ancien', 'Le Plateau']),
    tags: ['capteurs', 'bruit', 'ville intelligente', 'données ouvertes'],
    accountability: {
      controller: 'Ville de Val-de-Noue',
      department: 'Direction de l’urbanisme et de l’environnement',
      contactEmail: 'urbanisme@val-de-noue.test',
      dpoContact: townDpo,
      jointControllers: [],
      authorisingAct: { title: 'Délibération du conseil municipal approuvant le plan de prévention du bruit dans l’environnement' },
    },
    purpose: {
      purposes: ['Mesurer le bruit réel, jour et nuit, dans les rues les plus exposées.', 'Évaluer les mesures du plan de prévention du bruit (horaires de livraison, zones à 30 km/h).'],
      decisionProcess: 'Les mesures alimentent les études du service urbanisme ; les élus décident des mesures après concertation. Aucune décision ne vise une personne.',
      outOfScopeUses: ['Aucun enregistrement de conversations.', 'Aucune verbalisation à partir des capteurs.'],
    },
    legal: {
      basis: 'e_public_task',
      basisDetail: 'Évaluation et prévention du bruit dans l’environnement (code de l’environnement, art. L. 572-1 et suivants) ; pouvoirs de police du maire en matière de tranquillité publique (code général des collectivités territoriales, art. L. 2212-2).',
      specialCategories: [],
      criminalOffenceData: false,
      regime: 'gdpr',
      aiActRiskClass: 'minimal',
    },
    data: {
      subjectCategories: ['Riverains et passants des rues équipées'],
      estimatedPeopleAffected: 2_500,
      categories: [
        {
          name: 'Niveaux sonores',
          description: 'Le niveau de bruit en décibels, mesuré chaque seconde et moyenné par minute, à l’emplacement du capteur.',
          reveals: 'Presque rien sur une personne ; près d’un logement, des pics répétés la nuit peuvent laisser deviner les habitudes d’un foyer.',
          source: '12 capteurs sur des lampadaires.',
          collectionMode: 'Mesure automatique et continue.',
          retention: 'Mesures par minute : un an. Moyennes horaires : sans limite (données ouvertes).',
          access: 'Service urbanisme ; le public pour les moyennes horaires.',
        },
        {
          name: 'Type de bruit détecté',
          description: 'Une catégorie estimée toutes les 10 secondes (moteur, klaxon, voix, musique, travaux), calculée dans le capteur à partir du son, effacé aussitôt.',
          reveals: 'Qu’il y a des voix ou de la musique à un endroit et à une heure, jamais ce qui est dit.',
          source: 'Calculé dans le capteur.',
          collectionMode: 'Automatique.',
          retention: 'Un an',
          access: 'Service urbanisme.',
        },
      ],
    },
    recipients: ['Direction de l’urbanisme et de l’environnement', 'Le public : moyennes horaires en données ouvertes'],
    processors: [
      {
        name: 'Sonométrie Urbaine SAS',
        role: 'Fournit, installe et maintient les capteurs ; plateforme de collecte des mesures',
        contractReference: `VDN-${yearOf(today)}-044`,
        procurementProcedure: 'Procédure adaptée avec publicité, 5 offres reçues',
      },
    ],
    hosting: {
      provider: 'Plateforme de Sonométrie Urbaine, hébergée par un prestataire français',
      country: 'France',
      nonEuLawExposure: 'Aucune : fournisseur et hébergeur français.',
      transfersOutsideEu: false,
      transferSafeguard: '',
    },
    automation: {
      level: 'information',
      humanOversight: 'Les mesures sont relues par le service urbanisme, qui vérifie les capteurs et écarte les valeurs aberrantes.',
      howToContest: 'Écrivez à urbanisme@val-de-noue.test ou à la déléguée à la protection des données ; vous pouvez demander le déplacement d’un capteur trop proche de votre fenêtre. Vous pouvez aussi saisir la CNIL.',
    },
    risks: [
      {
        description: 'Un capteur pourrait être modifié (mise à jour de son logiciel) pour enregistrer des conversations.',
        severity: 'significant',
        likelihood: 'negligible',
        mitigations: 'Contrat : aucun enregistrement ni transmission de son ; code de classification publié ; chaque mise à jour est vérifiée avant déploiement.',
        residualRisk: 'negligible',
      },
      {
        description: 'Usage pour verbaliser des personnes (terrasses, fêtes) plutôt que pour orienter les politiques.',
        severity: 'limited',
        likelihood: 'limited',
        mitigations: 'Délibération : données réservées à l’aménagement ; aucune transmission en temps réel à la police municipale.',
        residualRisk: 'negligible',
      },
      {
        description: 'Un capteur proche d’une fenêtre peut révéler les habitudes d’un foyer.',
        severity: 'limited',
        likelihood: 'limited',
        mitigations: 'Capteurs côté chaussée ; seules des moyennes horaires sont publiées ; déplacement sur demande.',
        residualRisk: 'negligible',
      },
    ],
    impactAssessments: [
      {
        kind: 'other',
        summary: 'Pré-analyse : analyse d’impact complète jugée non obligatoire, les mesures n’étant pas rattachées à des personnes. À confirmer lors de la révision, qui n’a pas encore eu lieu.',
      },
    ],
    alternatives: [
      {
        description: 'Campagnes de mesure ponctuelles avec un sonomètre, deux semaines par an.',
        nonInvasive: true,
        whyNotChosen: 'Moins chères, mais elles ne montrent pas l’évolution nuit après nuit ; retenues pour les autres quartiers.',
      },
      {
        description: 'Enquête auprès des riverains sur la gêne ressentie.',
        nonInvasive: true,
        whyNotChosen: 'Menée en complément : elle mesure la gêne, pas les niveaux de bruit.',
      },
    ],
    proportionality:
      'Des mesures de bruit sont rarement des données personnelles ; elles le deviennent près des logements ou si le son est enregistré. Le projet ne garde que des niveaux et des catégories calculés dans le capteur, sans aucun enregistrement : le risque est faible, et l’intérêt (plan de réduction du bruit, horaires de livraison) réel. La révision prévue avant l’installation n’a pas encore eu lieu.',
    lifecycle: {
      status: 'planned',
      startDate: shift(today, { months: 2 }),
      // Past on purpose: the demo shows a review that is overdue.
      reviewDate: shift(today, { days: -21 }),
      sunsetDate: shift(today, { months: 26 }),
      rollbackPlan: 'Démonter les capteurs (contrat sans durée minimale), effacer les mesures par minute et ne garder que les moyennes horaires déjà publiées.',
    },
    redactions: [],
  };

  return [market, bus, health, canteen, housing, noise];
}

/**
 * Publishes the register's first records, each as version 1 with one public
 * audit entry. Returns their references, Sésame's own processing first.
 */
export async function seedDataUses({ tx, audit }: SeedContext, neighbourhoods: NeighbourhoodIds, options: { demo: boolean; now?: Date }): Promise<string[]> {
  const now = options.now ?? new Date();
  const dates = { today: parisToday(now) };
  const idsByName = new Map<string, string>(DEMO_NEIGHBOURHOODS.map((n) => [n.name, neighbourhoods[n.slug]]));
  const ids = (names: NeighbourhoodName[]) => names.map((name) => idsByName.get(name)!);

  // The demo town's records are signed by its data protection officer; the platform signs its own.
  const authorityEmail = DEMO_ACCOUNTS.find((account) => account.roles.includes('authority'))?.email;
  const authority = options.demo && authorityEmail ? await tx.person.findUnique({ where: { email: authorityEmail }, select: { id: true } }) : null;
  const records = [
    { input: ownProcessingRecord(dates, ids), authorId: PLATFORM_AUTHOR_ID },
    ...(options.demo ? demoRecords(dates, ids).map((input) => ({ input, authorId: authority?.id ?? PLATFORM_AUTHOR_ID })) : []),
  ];

  const references: string[] = [];
  for (const { input, authorId } of records) {
    const content: DataUseContent = DataUseContentSchema.parse(input);
    const missing = missingForPublication(content);
    if (missing.length > 0) throw new Error(`Seed record "${content.title}" is not publishable: ${missing.map((m) => m.path).join(', ')}`);
    // Numbered as the API numbers them (same series, same lock).
    const reference = await nextReference(tx, DATA_USE_REFERENCES, now.getUTCFullYear());
    await tx.dataUse.create({
      data: {
        reference,
        state: 'published',
        publishedAt: now,
        createdById: authorId,
        ...dataUseColumns(content),
        versions: { create: { version: 1, content: content as Prisma.InputJsonValue, createdById: authorId } },
      },
    });
    await audit({ action: 'data-use.published', subjectType: 'data-use', subjectId: reference, data: { title: content.title, version: 1 } });
    references.push(reference);
  }
  return references;
}
