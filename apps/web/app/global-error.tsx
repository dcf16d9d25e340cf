'use client';

import './globals.css';

import { isServiceUnavailable } from '@/lib/api/unavailable';

type GlobalErrorProps = {
  error: unknown;
  retry: () => void;
};

// Replaces the root layout when it fails itself, so the locale and the
// message catalogues may be unavailable: static bilingual text only.
export default function GlobalError({ error, retry }: GlobalErrorProps) {
  const unavailable = isServiceUnavailable(error);
  return (
    <html lang="fr">
      <body>
        <title>{unavailable ? 'Service momentanément indisponible — Sésame' : 'Erreur — Sésame'}</title>
        <main id="contenu" className="container site-main">
          {unavailable ? (
            <>
              <h1>Service momentanément indisponible</h1>
              <p className="lead">Le service ne répond pas pour l&apos;instant. Réessayez dans quelques instants.</p>
              <p lang="en">The service is temporarily unavailable. Please try again in a few moments.</p>
            </>
          ) : (
            <>
              <h1>Une erreur est survenue</h1>
              <p className="lead">Le site n&apos;a pas pu s&apos;afficher. Vous pouvez réessayer.</p>
              <p lang="en">Something went wrong. The site could not be displayed. Please try again.</p>
            </>
          )}
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
