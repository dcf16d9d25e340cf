import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';

/** The editor's client component reads its texts itself: give it its namespace and the names it shows, nothing else. */
export async function ProposalsIntl({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={{ Error: messages.Error, ProposalEditor: messages.ProposalEditor, Proposals: { labels: messages.Proposals.labels, fields: messages.Proposals.fields } }}>
      {children}
    </NextIntlClientProvider>
  );
}
