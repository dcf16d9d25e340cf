import { getTranslations } from 'next-intl/server';

import { Link } from '@/components/ui/Link';
import { PageHeader } from '@/components/ui/PageHeader';

import { autosaveProposalDraft, saveProposalDraft } from '../actions';
import type { EditorValues } from '../content';
import type { EditorState } from '../state';
import { fetchDataUseChoices, fetchNeighbourhoodChoices } from '../queries';
import { ProposalEditor } from './ProposalEditor';
import { ProposalsIntl } from './ProposalsIntl';

type Props = {
  /** null for a new proposal: the first save creates the draft. */
  reference: string | null;
  values: EditorValues;
  /** The draft was just created (?enregistre): the editor says so. */
  created?: boolean;
  /** What the draft lacks before it can be submitted, shown as a first answer (?completer). */
  initialState?: EditorState;
};

/** The page around the editor, the same for a new proposal and for a draft. */
export async function ProposalEditorPage({ reference, values, created = false, initialState }: Props) {
  const [dataUses, neighbourhoods, t, list] = await Promise.all([fetchDataUseChoices(), fetchNeighbourhoodChoices(), getTranslations('ProposalEditor'), getTranslations('Proposals.list')]);
  return (
    <>
      <PageHeader title={reference ? t('titleEdit') : t('titleNew')} lead={t('lead')}>
        <p>{t('steps')}</p>
        <p>
          <Link href="/propositions/charte">{list('charter')}</Link>
        </p>
      </PageHeader>
      <ProposalsIntl>
        <ProposalEditor
          action={saveProposalDraft}
          autosave={autosaveProposalDraft}
          reference={reference}
          values={values}
          dataUses={dataUses}
          neighbourhoods={neighbourhoods.map(({ id, name }) => ({ id, name }))}
          notice={created ? t('created') : undefined}
          initialState={initialState}
        />
      </ProposalsIntl>
    </>
  );
}
