import { Alert, Typography } from '@mui/material';
import {
  ArrayInput,
  Edit,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  required,
  useNotify,
  useSaveContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { DurationInput } from './DurationInput';

/** The body `PUT /api/programmes/:id` takes: anything else is refused by the gateway (whitelist). */
const toRequest = (data: RaRecord, options?: { previousData?: RaRecord }) => ({
  // The id input is read-only; the stored record's id is the one the URL names.
  id: options?.previousData?.id ?? data.id,
  name: data.name,
  catalogueId: data.catalogueId,
  catalogueVersion: data.catalogueVersion,
  calendar: data.calendar,
});

const Section = ({ title }: { title: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="h6" sx={{ mt: 2 }}>
      {translate(title)}
    </Typography>
  );
};

/**
 * Saves pessimistically; the API lists every problem of the calendar at its field
 * (`calendar.developmentPhase.steps.1.key`), which the data provider turns into the tree
 * react-admin shows next to each input. A problem of the calendar as a whole is notified.
 */
const ProgrammeForm = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { save } = useSaveContext();
  const onSubmit = async (values: Record<string, unknown>) => {
    const errors = (await save?.(values)) as Record<string, unknown> | undefined;
    if (!errors) return undefined;
    if (typeof errors.calendar === 'string') notify('genq_programmes.calendar_problem', { type: 'error', messageArgs: { message: errors.calendar } });
    return errors;
  };
  return (
    <SimpleForm onSubmit={onSubmit}>
      <Alert severity="info" data-testid="calendar-help" sx={{ mb: 2 }}>
        {translate('genq_programmes.help.calendar')}
      </Alert>
      <Section title="genq_programmes.sections.programme" />
      <TextInput source="id" label="genq_programmes.fields.id" readOnly />
      <TextInput source="name" label="genq_programmes.fields.name" validate={required()} fullWidth />
      <TextInput source="catalogueId" label="genq_programmes.fields.catalogueId" validate={required()} />
      <TextInput
        source="catalogueVersion"
        label="genq_programmes.fields.catalogueVersion"
        validate={required()}
        helperText="genq_programmes.help.catalogue"
      />
      <Section title="genq_programmes.sections.development" />
      <Typography variant="body2" color="text.secondary">
        {translate('genq_programmes.help.steps')}
      </Typography>
      <ArrayInput source="calendar.developmentPhase.steps" label="genq_programmes.steps.title">
        <SimpleFormIterator inline disableReordering>
          <TextInput source="key" label="genq_programmes.steps.key" validate={required()} helperText={false} />
          <TextInput source="name" label="genq_programmes.steps.name" validate={required()} helperText={false} />
          <DurationInput source="dueAfter" label="genq_programmes.steps.dueAfter" />
        </SimpleFormIterator>
      </ArrayInput>
      <Section title="genq_programmes.sections.implementation" />
      <DurationInput source="calendar.implementationPhase.duration" label="genq_programmes.implementation.duration" />
      <DurationInput source="calendar.implementationPhase.annualReportEvery" label="genq_programmes.implementation.annualReportEvery" />
      <DurationInput source="calendar.implementationPhase.reportDueWithin" label="genq_programmes.implementation.reportDueWithin" />
      <Section title="genq_programmes.sections.reminders" />
      <DurationInput source="calendar.reminders.before" label="genq_programmes.reminders.before" />
      <DurationInput source="calendar.reminders.overdueEvery" label="genq_programmes.reminders.overdueEvery" />
      <DurationInput source="calendar.reminders.escalateAfterOverdue" label="genq_programmes.reminders.escalateAfterOverdue" />
      <DurationInput source="calendar.reminders.stalledAfterInactivity" label="genq_programmes.reminders.stalledAfterInactivity" />
      <Section title="genq_programmes.sections.certificate" />
      <DurationInput source="calendar.certificateValidity" label="genq_programmes.certificateValidity" />
    </SimpleForm>
  );
};

/** Editing a programme and its calendar (programme admins; the gateway decides every request). */
export const ProgrammeEdit = () => (
  <Edit mutationMode="pessimistic" transform={toRequest} redirect="show">
    <ProgrammeForm />
  </Edit>
);
