'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';

import { Button } from '@/components/ui/Button';

/** Trades the e-mailed link for a session (next-auth credentials provider "email-link"). */
export function EmailLinkSignInButton({ token, label, callbackUrl }: { token: string; label: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      isDisabled={pending}
      onPress={() => {
        setPending(true);
        void signIn('email-link', { token, callbackUrl });
      }}
    >
      {label}
    </Button>
  );
}

export function OidcSignInButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  return (
    <Button variant="secondary" onPress={() => void signIn('oidc', { callbackUrl })}>
      {label}
    </Button>
  );
}
