import { useState, type ReactNode } from 'react';
import { Box } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import {
  Button,
  DateField,
  DateInput,
  Datagrid,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TextInput,
  TopToolbar,
  useListContext,
  useLocaleState,
  useNotify,
} from 'react-admin';
import { FilterButton } from '../savedViews/FilterButton';
import { SavedViewsButton } from '../savedViews/SavedViewsButton';
import type { RaRecord } from 'react-admin';
import { AUDIT_EXPORT_COLUMNS, type AuditEntryDto, type Locale } from '@genq/contracts';
import { asLocale } from '../providers/problems';
import { ExportAllXlsxButton } from '../dashboard/ExportAllXlsxButton';
import type { ExportField } from '../process/exportAll';
import { useDateLocale } from '../i18n/useDateLocale';
import { downloadFile } from '../providers/apiClient';
import { resourceTypeChoices } from './choices';
import { AuditAction, AuditResource } from './labels';
import type { AuditEntry } from './index';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="action" source="action" />,
  <SelectInput key="resourceType" source="resourceType" choices={resourceTypeChoices} />,
  <TextInput key="actorEmail" source="actorEmail" />,
  <TextInput key="programmeId" source="programmeId" />,
  <TextInput key="quarterId" source="quarterId" />,
  <TextInput key="requestId" source="requestId" />,
  // The gateway takes ISO dates; the day's end is inclusive.
  <DateInput key="at_gte" source="at_gte" />,
  <DateInput key="at_lte" source="at_lte" parse={(v: string) => (v ? `${v}T23:59:59.999Z` : v)} />,
];

/** Downloads the CSV of everything the current filters match (all pages), with the user's token. */
const ExportCsvButton = () => {
  const { filterValues } = useListContext();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile('/api/audit-log/export', 'genq-audit-log.csv', 'text/csv', { filter: JSON.stringify(filterValues ?? {}) });
    } catch {
      notify('app.audit.export_failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return <Button label="app.audit.export" onClick={download} disabled={busy} startIcon={<DownloadIcon />} />;
};

/** Columns of the Excel export: the CSV export's (the contracts' AUDIT_EXPORT_COLUMNS), in words and names. */
const xlsxFields = (locale: Locale): ExportField<RaRecord>[] =>
  AUDIT_EXPORT_COLUMNS.map((column, i) => ({ source: `column${i}`, header: column.header[locale], value: (row) => column.value(row as unknown as AuditEntryDto, locale) }));

const Actions = () => {
  const [locale] = useLocaleState();
  return (
    <TopToolbar>
      <FilterButton />
      <SavedViewsButton />
      <ExportCsvButton />
      <ExportAllXlsxButton fields={xlsxFields(asLocale(locale))} filename="genq-protokoll" sheet="genq_export.sheet_audit" />
    </TopToolbar>
  );
};

/** A cell's text on at most two lines, cut with an ellipsis; the whole text as tooltip. */
const Cut = ({ text, children }: { text?: string; children?: ReactNode }) => (
  <Box
    component="span"
    title={text}
    sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', wordBreak: 'break-word' }}
  >
    {children}
    {children && text ? ' ' : ''}
    {text}
  </Box>
);

/** The audit log, newest first: read and export only; nobody can change an entry. */
export const AuditLogList = () => {
  const dateLocale = useDateLocale();
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'at', order: 'DESC' }} perPage={50} exporter={false}>
      {/* Fits 1280 px: names instead of ids, long texts cut with their whole text as tooltip. */}
      <Datagrid rowClick="show" bulkActionButtons={false} sx={{ tableLayout: 'fixed', '& td, & th': { px: 1 } }}>
        <DateField source="at" showTime locales={dateLocale} />
        <FunctionField<AuditEntry> source="actorEmail" render={(r) => <Cut text={r.actorEmail ?? 'System'} />} />
        <FunctionField<AuditEntry> source="action" render={(r) => <AuditAction action={r.action} />} />
        <FunctionField<AuditEntry>
          source="resourceType"
          sortable
          render={(r) => (
            <Cut text={r.resourceId && r.names?.[r.resourceId] ? `„${r.names[r.resourceId]}“` : undefined}>
              <AuditResource type={r.resourceType} />
            </Cut>
          )}
        />
        <FunctionField<AuditEntry> source="quarterId" sortable={false} render={(r) => <Cut text={r.quarterId ? (r.names?.[r.quarterId] ?? r.quarterId) : '–'} />} />
        <FunctionField<AuditEntry> source="programmeId" render={(r) => <Cut text={r.programmeId ? (r.names?.[r.programmeId] ?? r.programmeId) : '–'} />} />
        <FunctionField<AuditEntry> source="reason" sortable={false} render={(r) => <Cut text={r.reason ?? '–'} />} />
      </Datagrid>
    </List>
  );
};
