import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';

/** The consultations' client forms read their own namespace, nothing else. */
export async function ConsultationIntl({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={{ Error: messages.Error, Consultation: messages.Consultation }}>{children}</NextIntlClientProvider>;
}
