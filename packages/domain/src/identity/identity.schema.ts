import { z } from 'zod';
import { WorkspacePermissionsSchema } from '../common/workspaces';
import { pseudonymRefusal } from './pseudonym';

export const ROLES = ['resident', 'facilitator', 'moderator', 'organizer', 'panel_member', 'authority', 'admin'] as const;
export const RoleSchema = z.enum(ROLES).meta({ id: 'Role' });
export type Role = z.infer<typeof RoleSchema>;

export const LocaleSchema = z.enum(['fr', 'en']).meta({ id: 'Locale' });
export type Locale = z.infer<typeof LocaleSchema>;

/** An e-mail address, trimmed and lower-cased so that one person has one address. */
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .pipe(z.email({ error: 'Écrivez une adresse e-mail complète, par exemple nom@exemple.fr.' }));

/**
 * Public display name: letters, digits, spaces and simple punctuation, and
 * nothing that passes for an official role, a deleted account or another name
 * (`pseudonymRefusal`; the API also refuses one that looks like an existing
 * pseudonym, by skeleton).
 */
export const PseudonymSchema = z
  .string()
  .trim()
  // One form per text: "é" typed as e + accent is the same pseudonym as "é".
  .normalize('NFC')
  .min(3, { error: 'Le pseudonyme doit faire au moins 3 caractères.', abort: true })
  .max(60, { error: 'Le pseudonyme doit faire au plus 60 caractères.', abort: true })
  // The middle dot is allowed for inclusive French ("Habitant·e"); older accounts got "Participant·e NNNNN" by default.
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} .·,'’\-_()]*$/u, { error: 'Le pseudonyme ne peut contenir que des lettres, des chiffres, des espaces et . · , \' - _ ( ).', abort: true })
  // Only for well-formed pseudonyms (`abort` above): one error at a time.
  .superRefine((pseudonym, ctx) => {
    const refusal = pseudonymRefusal(pseudonym);
    if (refusal) ctx.addIssue({ code: 'custom', message: refusal.message, params: { reason: refusal.code } });
  });

/** A path on this site to come back to (`/registre/DU-2027-004`): never another site, never control characters. */
export const ReturnPathSchema = z
  .string()
  .max(500, { error: 'Le chemin de retour doit faire au plus 500 caractères.' })
  .regex(/^\/(?![/\\])[^\\\u0000-\u001f\u007f]*$/, { error: 'Le chemin de retour doit être un chemin de ce site, commençant par une seule barre oblique (/).' });

/** POST /auth/sign-in-links: e-mail me a sign-in link (that brings me back to `returnTo` once signed in). */
export const SignInLinkRequestSchema = z
  .object({
    email: EmailSchema,
    locale: LocaleSchema.default('fr'),
    returnTo: ReturnPathSchema.optional(),
  })
  .strict()
  .meta({ id: 'SignInLinkRequest' });
export type SignInLinkRequest = z.infer<typeof SignInLinkRequestSchema>;

/** POST /auth/sign-in-links/consume (web server only): trade the link's secret for the person. */
export const ConsumeSignInLinkSchema = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'Lien de connexion invalide.' }) })
  .strict()
  .meta({ id: 'ConsumeSignInLink' });
export type ConsumeSignInLink = z.infer<typeof ConsumeSignInLinkSchema>;

/** What the web keeps in its session about the signed-in person. */
export const SessionPersonSchema = z
  .object({
    id: z.uuid(),
    pseudonym: z.string(),
    locale: LocaleSchema,
    roles: z.array(RoleSchema),
    sessionVersion: z.int().min(0),
    /** This browser session (random, v4), so that signing out ends it alone: set by the web at sign-in. */
    sessionId: z.uuid().optional(),
  })
  .meta({ id: 'SessionPerson' });
export type SessionPerson = z.infer<typeof SessionPersonSchema>;

export const NeighbourhoodSchema = z
  .object({ id: z.uuid(), slug: z.string(), name: z.string(), population: z.int().nullable() })
  .meta({ id: 'Neighbourhood' });
export type Neighbourhood = z.infer<typeof NeighbourhoodSchema>;

/** GET /me: everything about me the account page shows (my e-mail included: it is mine). */
export const MeSchema = z
  .object({
    id: z.uuid(),
    pseudonym: z.string(),
    email: z.string().nullable(),
    locale: LocaleSchema,
    neighbourhood: NeighbourhoodSchema.nullable(),
    roles: z.array(RoleSchema),
    /** Set once the person proved they live in a neighbourhood (invitation code or census). */
    verification: z
      .object({
        neighbourhood: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
        method: z.enum(['invitation_code', 'census']),
        verifiedAt: z.iso.datetime(),
        /** The voter code a polling-station officer types to find them (« A1B2C-3D4E5 »): shown to the person only. */
        voterCode: z.string(),
      })
      .nullable(),
    createdAt: z.iso.datetime(),
    /** False for a new account until its person passed the welcome page (chose a pseudonym, or chose to keep the one given). */
    welcomed: z.boolean(),
    /** The work areas this person may open (menus and organizers' pages show these, not role lists). */
    can: WorkspacePermissionsSchema,
    /**
     * True while an active seat of the citizen panel is linked to this account
     * (no role says so): the header's account menu then leads to the panel's workspace.
     */
    panelSeat: z.boolean(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

/** PATCH /me */
export const UpdateMeSchema = z
  .object({
    pseudonym: PseudonymSchema.optional(),
    locale: LocaleSchema.optional(),
    neighbourhoodId: z.uuid({ error: 'Quartier inconnu.' }).nullable().optional(),
  })
  .strict()
  .refine((value) => Object.keys(value).length > 0, { error: 'Rien à modifier.' })
  .meta({ id: 'UpdateMe' });
export type UpdateMe = z.infer<typeof UpdateMeSchema>;

/**
 * POST /me/welcome: a new account's first step — the pseudonym the person
 * chose (the same rules as PATCH /me), or nothing to keep the one the platform
 * gave them. Either way the welcome is done.
 */
export const WelcomeSchema = z
  .object({ pseudonym: PseudonymSchema.optional() })
  .strict()
  .meta({ id: 'Welcome' });
export type Welcome = z.infer<typeof WelcomeSchema>;

/** A person as administrators see them: never the e-mail address. */
export const PersonSummarySchema = z
  .object({
    id: z.uuid(),
    pseudonym: z.string(),
    neighbourhood: z.string().nullable(),
    roles: z.array(RoleSchema),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'PersonSummary' });
export type PersonSummary = z.infer<typeof PersonSummarySchema>;

export const PeopleQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    search: z.string().trim().min(1).max(60).optional(),
    role: RoleSchema.optional(),
  })
  .strict();
export type PeopleQuery = z.infer<typeof PeopleQuerySchema>;

export const RoleChangeParamsSchema = z.object({ personId: z.uuid({ error: 'Identifiant de personne invalide.' }), role: RoleSchema }).strict();
export type RoleChangeParams = z.infer<typeof RoleChangeParamsSchema>;

/**
 * How the API authenticates calls the web server makes (see
 * docs/decisions/0006-api-authentication.md): a JWT signed with HS256 and the
 * shared API_AUTH_SECRET, living at most API_TOKEN_MAX_AGE_SECONDS.
 */
export const API_TOKEN = {
  issuer: 'sesame-web',
  audience: 'sesame-api',
  /** `sub` of the web server's own calls (sign-in), not on behalf of a person. */
  serviceSubject: 'service:web',
  maxAgeSeconds: 120,
} as const;

/** How long a browser session (the web's session cookie) lasts: an ended session is remembered that long. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** POST /me/email-change: send a confirmation link to my new address. */
export const EmailChangeRequestSchema = z.object({ email: EmailSchema }).strict().meta({ id: 'EmailChangeRequest' });
export type EmailChangeRequest = z.infer<typeof EmailChangeRequestSchema>;

/** POST /me/email-change/confirm: the token from that link. */
export const ConfirmEmailChangeSchema = ConsumeSignInLinkSchema.meta({ id: 'ConfirmEmailChange' });

/** POST /auth/oidc/link (web server only): the identity an OpenID Connect provider vouched for. */
export const OidcLinkSchema = z
  .object({
    issuer: z.url().max(300),
    subject: z.string().min(1).max(255),
    email: EmailSchema.optional(),
    /** Only a verified address may attach to an existing account. */
    emailVerified: z.boolean().default(false),
    locale: LocaleSchema.default('fr'),
  })
  .strict()
  .meta({ id: 'OidcLink' });
export type OidcLink = z.infer<typeof OidcLinkSchema>;
