// Type-checks every message key used with next-intl against the French catalogue.
import type fr from '../../messages/fr.json';
import type { AppLocale } from '../i18n/config';

declare module 'next-intl' {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof fr;
  }
}
