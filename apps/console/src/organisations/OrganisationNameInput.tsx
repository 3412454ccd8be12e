import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { AutocompleteInput, useDataProvider, useGetList, useNotify, useTranslate, type Validator } from 'react-admin';
import type { OrganisationDto, OrganisationType } from '@genq/contracts';

interface Choice {
  id: string;
  name: string;
}

/**
 * A quarter's municipality or housing company, picked from the organisations of that kind in
 * the chosen programme (typed search over GET /api/organisations), or registered on the spot
 * ("„…“ neu anlegen"). The field holds the organisation's name, as the quarter stores it; the
 * actors service writes a name an organisation has in that organisation's spelling anyway.
 */
export const OrganisationNameInput = ({ source, type, validate }: { source: string; type: OrganisationType; validate?: Validator | Validator[] }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const programmeId = useWatch({ name: 'programmeId' }) as string | undefined;
  const value = useWatch({ name: source }) as string | undefined;
  const [search, setSearch] = useState('');
  const { data = [], isPending } = useGetList<OrganisationDto & { id: string }>(
    'organisations',
    {
      filter: { type, ...(programmeId ? { programmeId } : {}), ...(search.trim() ? { q: search.trim() } : {}) },
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'name', order: 'ASC' },
    },
    { enabled: Boolean(programmeId) },
  );
  const choices: Choice[] = data.map((o) => ({ id: o.name, name: o.name }));
  // The chosen name stays a choice while another search is typed.
  if (value && !choices.some((c) => c.id === value)) choices.unshift({ id: value, name: value });

  const onCreate = async (typed?: string): Promise<Choice | undefined> => {
    const name = (typed ?? '').trim();
    if (!name) return undefined;
    try {
      const { data: created } = await dataProvider.create<OrganisationDto & { id: string }>('organisations', { data: { name, type, programmeId } });
      notify(translate('genq_organisations.pick.created', { name: created.name }), { type: 'success' });
      return { id: created.name, name: created.name };
    } catch (err) {
      notify(translate('genq_organisations.pick.refused', { reason: (err as { message?: string })?.message ?? String(err) }), { type: 'error' });
      return undefined;
    }
  };

  return (
    <AutocompleteInput
      source={source}
      choices={choices}
      isPending={isPending && Boolean(programmeId)}
      setFilter={setSearch}
      onCreate={programmeId ? onCreate : undefined}
      createItemLabel="genq_organisations.pick.create_item"
      noOptionsText={translate(programmeId ? 'genq_organisations.pick.none' : 'genq_organisations.pick.programme_first')}
      helperText={programmeId ? 'genq_organisations.pick.helper' : 'genq_organisations.pick.programme_first'}
      disabled={!programmeId}
      translateChoice={false}
      validate={validate}
      fullWidth
    />
  );
};
