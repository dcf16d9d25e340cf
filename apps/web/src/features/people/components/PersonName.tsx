import { DELETED_ACCOUNT_NAME } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { Content } from '@/i18n/content';

/** A pseudonym (French content, marked), or a deleted account in the reader's words. */
export async function PersonName({ name }: { name: string }) {
  if (name === DELETED_ACCOUNT_NAME) return <>{(await getTranslations('People'))('deletedAccount')}</>;
  return <Content>{name}</Content>;
}
