'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense, useId } from 'react';

import { setLocale } from '../../i18n/actions';
import { Button } from '../ui/Button';

type LanguageSwitchProps = {
  /** Locale to switch to, e.g. "en" while the page is in French. */
  targetLocale: string;
  /** Name of that language, written in that language ("English"). */
  targetName: string;
  /** Longer description in the current language, for assistive tech. */
  hint: string;
};

type FormProps = LanguageSwitchProps & { redirectTo: string };

/**
 * A plain form posting to a server action: works without JavaScript
 * (the browser posts, the server sets the cookie and redirects back).
 */
function LanguageForm({ targetLocale, targetName, hint, redirectTo }: FormProps) {
  const hintId = useId();
  return (
    <form action={setLocale} className="language-switch">
      <input type="hidden" name="locale" value={targetLocale} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <span id={hintId} hidden>
        {hint}
      </span>
      <Button type="submit" variant="secondary" aria-describedby={hintId}>
        <span lang={targetLocale}>{targetName}</span>
      </Button>
    </form>
  );
}

function WithQueryString(props: LanguageSwitchProps) {
  const pathname = usePathname() ?? '/';
  const query = useSearchParams()?.toString();
  return <LanguageForm {...props} redirectTo={query ? `${pathname}?${query}` : pathname} />;
}

function PathOnly(props: LanguageSwitchProps) {
  return <LanguageForm {...props} redirectTo={usePathname() ?? '/'} />;
}

export function LanguageSwitch(props: LanguageSwitchProps) {
  // useSearchParams needs a Suspense boundary; the fallback keeps the path.
  return (
    <Suspense fallback={<PathOnly {...props} />}>
      <WithQueryString {...props} />
    </Suspense>
  );
}
