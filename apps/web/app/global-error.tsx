'use client';

import './globals.css';

type GlobalErrorProps = {
  error: unknown;
  retry: () => void;
};

// Replaces the root layout when it fails itself, so the locale and the
// message catalogues may be unavailable: static bilingual text only.
export default function GlobalError({ retry }: GlobalErrorProps) {
  return (
    <html lang="fr">
      <body>
        <title>Erreur — Sésame</title>
        <main id="contenu" className="container site-main">
          <h1>Une erreur est survenue</h1>
          <p className="lead">Le site n&apos;a pas pu s&apos;afficher. Vous pouvez réessayer.</p>
          <p lang="en">Something went wrong. The site could not be displayed. Please try again.</p>
          <p>
            <button type="button" className="link-button" onClick={() => retry()}>
              Réessayer <span lang="en">/ Try again</span>
            </button>
          </p>
          <p>
            {/* A full page load rebuilds everything from scratch; next/link would not. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/">
              Retour à l&apos;accueil <span lang="en">/ Back to the home page</span>
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
