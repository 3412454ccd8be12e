import {
  CreateButton,
  Datagrid,
  DateField,
  DateInput,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { FilterButton } from '../savedViews/FilterButton';
import type { FieldProps } from 'react-admin';
import { Box, Tooltip, Typography } from '@mui/material';
import { useFacets, type Facets } from '../dashboard/api';
import { ExportAllXlsxButton } from '../dashboard/ExportAllXlsxButton';
import { useDateLocale } from '../i18n/useDateLocale';
import { RecordLinkField } from '../layout/RecordLinkField';
import { SavedViewsButton } from '../savedViews/SavedViewsButton';
import { BatchInterventionButton } from '../process/BatchInterventionButton';
import { ExportAllCsvButton } from '../process/ExportAllCsvButton';
import type { ExportField } from '../process/ExportAllCsvButton';
import { QuickFilterButton } from '../process/QuickFilter';
import { landChoices, phaseChoices, stepChoices } from './choices';
import type { Quarter } from './domain';
import { PhaseField } from './PhaseField';
import { QuarterImportButton } from './QuarterImport';
import { StepField } from './StepField';

/** Choices of the values that occur (GET /api/dashboard/facets); a free text input until they are loaded. */
const facetInput = (source: 'kreis' | 'municipality' | 'housingCompany' | 'programmeId', facets: Facets | undefined) =>
  facets ? (
    <SelectInput key={source} source={source} choices={facets[source].map((v) => ({ id: v, name: v }))} translateChoice={false} />
  ) : (
    <TextInput key={source} source={source} />
  );

const quarterFilters = (facets: Facets | undefined) => [
  <SearchInput key="q" source="q" alwaysOn sx={{ minWidth: 220 }} />,
  <NullableBooleanInput key="stalled" source="stalled" />,
  <NullableBooleanInput key="paused" source="paused" />,
  <NullableBooleanInput key="overdue" source="overdue" />,
  // The dashboard's "Fristen in den nächsten 30 Tagen" opens the list with this window.
  <DateInput key="nextDueAfter" source="nextDueAfter" label="genq_quarter_list.next_due_after" />,
  <DateInput key="nextDueBefore" source="nextDueBefore" label="genq_quarter_list.next_due_before" />,
  <SelectInput key="land" source="land" choices={landChoices} translateChoice={false} />,
  <SelectInput key="phase" source="phase" choices={phaseChoices} />,
  <SelectInput key="currentStep" source="currentStep" choices={stepChoices} />,
  facetInput('kreis', facets),
  facetInput('municipality', facets),
  facetInput('housingCompany', facets),
  facetInput('programmeId', facets),
];

/** "stockend seit" with the reason underneath; empty when the quarter moves. */
const StalledField = (_props: FieldProps<Quarter>) => {
  const record = useRecordContext<Quarter>();
  const dateLocale = useDateLocale();
  const translate = useTranslate();
  if (!record?.stalled || !record.stalledSince) return <>–</>;
  // Text, not a chip: it wraps, and the list fits 1280 px (issue 17).
  return (
    <Box>
      <Typography variant="body2" component="div" sx={{ color: 'warning.main', fontWeight: 600 }}>
        {translate('resources.quarters.stalled_since', { date: new Date(record.stalledSince).toLocaleDateString(dateLocale) })}
      </Typography>
      {record.stalledReason && (
        <Typography variant="caption" component="div" color="text.secondary">
          {record.stalledReason}
        </Typography>
      )}
    </Box>
  );
};

/** The municipality, its Land underneath: one column less, so that the list fits 1280 px (issue 17). */
const MunicipalityField = (_props: FieldProps<Quarter>) => {
  const record = useRecordContext<Quarter>();
  if (!record) return null;
  return (
    <Box>
      <Typography variant="body2" component="div">
        {record.municipality}
      </Typography>
      <Typography variant="caption" component="div" color="text.secondary">
        {record.land}
      </Typography>
    </Box>
  );
};

/** The phase as a chip, the current step underneath (one column, as for the municipality). */
const ProgressField = (_props: FieldProps<Quarter>) => (
  <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.5 }}>
    <PhaseField source="phase" />
    <StepField source="currentStep" />
  </Box>
);

/** Next due date; red with "overdue since" when the earliest open deadline has passed. */
const NextDueField = (_props: FieldProps<Quarter>) => {
  const record = useRecordContext<Quarter>();
  const dateLocale = useDateLocale();
  const translate = useTranslate();
  if (!record?.nextDueAt) return <>–</>;
  const due = new Date(record.nextDueAt).toLocaleDateString(dateLocale);
  if (!record.overdueSince) return <>{due}</>;
  return (
    <Tooltip title={translate('resources.quarters.overdue_since', { date: new Date(record.overdueSince).toLocaleDateString(dateLocale) })}>
      <Typography variant="body2" color="error" component="span">
        {due}
      </Typography>
    </Tooltip>
  );
};

const exportFields: ExportField<Quarter>[] = [
  { source: 'name' },
  { source: 'municipality' },
  { source: 'kreis' },
  { source: 'land' },
  { source: 'housingCompany' },
  { source: 'programmeId' },
  { source: 'phase', as: 'phase' },
  { source: 'currentStep', as: 'step' },
  { source: 'stalled', as: 'boolean' },
  { source: 'stalledSince' },
  { source: 'stalledReason' },
  { source: 'paused', as: 'boolean' },
  { source: 'nextDueAt' },
  { source: 'overdueSince' },
  { source: 'createdAt' },
];

// Many actions: let them wrap on a laptop screen instead of squeezing the search field.
const Actions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap', justifyContent: 'flex-end' }}>
    <QuickFilterButton label="resources.quarters.filters.stalled_only" source="stalled" value={true} />
    <QuickFilterButton label="resources.quarters.filters.overdue_only" source="overdue" value={true} />
    <FilterButton />
    <SavedViewsButton />
    <CreateButton />
    <QuarterImportButton />
    <BatchInterventionButton />
    <ExportAllCsvButton fields={exportFields} filename="genq-quartiere" />
    <ExportAllXlsxButton fields={exportFields} filename="genq-quartiere" sheet="genq_export.sheet_quarters" />
  </TopToolbar>
);

export const QuarterList = () => {
  const dateLocale = useDateLocale();
  const facets = useFacets();
  return (
    <List
      filters={quarterFilters(facets)}
      actions={<Actions />}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={25}
      exporter={false}
      sx={{ '& .RaList-actions': { flexWrap: 'wrap', alignItems: 'flex-start' } }}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} sx={{ '& .RaDatagrid-tableWrapper': { overflowX: 'auto' } }}>
        {/* The name links to the quarter: the keyboard's way into a row. */}
        <RecordLinkField source="name" />
        <MunicipalityField source="municipality" />
        <TextField source="housingCompany" />
        {/* Phase and step keys do not sort meaningfully as strings. */}
        <ProgressField source="phase" label="genq_quarter_list.progress" sortable={false} />
        <StalledField source="stalledSince" sortBy="stalledSince" />
        <NextDueField source="nextDueAt" sortBy="nextDueAt" />
        <DateField source="createdAt" locales={dateLocale} options={{ dateStyle: 'medium' }} />
      </Datagrid>
    </List>
  );
};
