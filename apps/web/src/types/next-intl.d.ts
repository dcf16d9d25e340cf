// Type-checks every message key used with next-intl against the French catalogue.
import type { Messages } from '../i18n/catalogues';
import type { AppLocale } from '../i18n/config';

declare module 'next-intl' {
  interface AppConfig {
    Locale: AppLocale;
    Messages: Messages;
  }
}
