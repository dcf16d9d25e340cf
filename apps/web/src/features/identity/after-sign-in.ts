/**
 * Where the sign-in buttons send the person once signed in: a step that welcomes
 * a new account (/bienvenue), then goes on to `back` — the page they asked to
 * sign in from, or their account page.
 */
export function afterSignInPath(back: string): string {
  return back === '/' ? '/connexion/suite' : `/connexion/suite?${new URLSearchParams({ retour: back }).toString()}`;
}

/** The page to go on to after signing in (and after the welcome): `back`, or the account page. */
export const destinationAfterSignIn = (back: string): string => (back === '/' ? '/compte' : back);
