import { useState } from 'react';
import BuildIcon from '@mui/icons-material/Build';
import {
  Button,
  Datagrid,
  DateField,
  List,
  NumberField,
  ReferenceField,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useListContext,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { FilterButton } from '../savedViews/FilterButton';
import { SavedViewsButton } from '../savedViews/SavedViewsButton';
import { useDateLocale } from '../i18n/useDateLocale';
import { RepairDialog } from './RepairDialog';

interface IncidentRecord {
  id: string;
  kind: 'activity' | 'workflow_task' | 'workflow_closed';
  status: 'open' | 'resolved';
  resolution: 'cleared' | 'repaired' | null;
  paused: boolean;
}

const filters = [
  <SelectInput key="status" source="status" label="genq_incidents.fields.status" choices={['open', 'resolved'].map((s) => ({ id: s, name: `genq_incidents.statuses.${s}` }))} alwaysOn />,
  <SelectInput key="kind" source="kind" label="genq_incidents.fields.kind" choices={['activity', 'workflow_task', 'workflow_closed'].map((k) => ({ id: k, name: `genq_incidents.kinds.${k}` }))} alwaysOn />,
  <TextInput key="activityType" source="activityType" label="genq_incidents.fields.activityType" />,
  <TextInput key="workflowType" source="workflowType" label="genq_incidents.fields.workflowType" />,
  <TextInput key="quarterId" source="quarterId" label="genq_incidents.fields.quarterId" />,
  <TextInput key="q" source="q" label="genq_incidents.fields.q" alwaysOn />,
];

const Said = ({ source, prefix }: { source: 'kind' | 'status' | 'resolution'; prefix: string; label?: string }) => {
  const record = useRecordContext<IncidentRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const value = record[source];
  const text = value ? translate(`${prefix}.${value}`, { _: value }) : '–';
  return <>{source === 'status' && record.paused ? `${text} (${translate('genq_incidents.paused')})` : text}</>;
};

/** One incident's repair: the same dialog as for a selection. */
const RepairRowButton = () => {
  const record = useRecordContext<IncidentRecord>();
  const [open, setOpen] = useState(false);
  if (!record || record.status !== 'open') return null;
  return (
    <>
      <Button label="genq_incidents.repair.button" onClick={(e) => (e.stopPropagation(), setOpen(true))} data-testid={`incident-repair-${record.id}`}>
        <BuildIcon />
      </Button>
      {open && <RepairDialog ids={[record.id]} onClose={() => setOpen(false)} />}
    </>
  );
};

const RepairSelectedButton = () => {
  const { selectedIds, onUnselectItems } = useListContext();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button label="genq_incidents.repair.button" onClick={() => setOpen(true)} data-testid="incident-repair-selected">
        <BuildIcon />
      </Button>
      {open && (
        <RepairDialog
          ids={selectedIds.map(String)}
          onClose={() => {
            setOpen(false);
            onUnselectItems();
          }}
        />
      )}
    </>
  );
};

/**
 * "Störungen": every technically stuck workflow of the caller's programmes, oldest failure
 * first, found by the worker's incident scanner (issue 18), with its repair actions.
 */
export const IncidentList = () => {
  const dateLocale = useDateLocale();
  return (
    <List
      filters={filters}
      filterDefaultValues={{ status: 'open' }}
      actions={
        <TopToolbar>
          <FilterButton />
          <SavedViewsButton />
        </TopToolbar>
      }
      sort={{ field: 'since', order: 'ASC' }}
      perPage={50}
      exporter={false}
    >
      <Datagrid bulkActionButtons={<RepairSelectedButton />} rowClick={false} data-testid="incident-list">
        <DateField source="since" showTime locales={dateLocale} label="genq_incidents.fields.since" />
        <ReferenceField source="quarterId" reference="quarters" link="show" emptyText="–" label="genq_incidents.fields.quarterId" />
        <TextField source="workflowId" sortable={false} label="genq_incidents.fields.workflowId" />
        <Said source="kind" prefix="genq_incidents.kinds" label="genq_incidents.fields.kind" />
        <TextField source="activityType" label="genq_incidents.fields.activityType" />
        <TextField source="message" sortable={false} label="genq_incidents.fields.message" />
        <NumberField source="attempts" label="genq_incidents.fields.attempts" />
        <DateField source="nextRetryAt" showTime locales={dateLocale} emptyText="–" label="genq_incidents.fields.nextRetryAt" />
        <Said source="status" prefix="genq_incidents.statuses" label="genq_incidents.fields.status" />
        <Said source="resolution" prefix="genq_incidents.resolutions" label="genq_incidents.fields.resolution" />
        <RepairRowButton />
      </Datagrid>
    </List>
  );
};
