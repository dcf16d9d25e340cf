import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';

/**
 * The editor's client components read their texts themselves (labels and
 * hints by field path): give them the editor's namespace and the register's
 * enum names, and nothing else.
 */
export async function EditorIntl({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={{ Error: messages.Error, RegisterEditor: messages.RegisterEditor, Register: { labels: messages.Register.labels } }}>{children}</NextIntlClientProvider>;
}
