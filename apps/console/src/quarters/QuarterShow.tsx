import { DateField, ReferenceField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { useDateLocale } from '../i18n/useDateLocale';
import { PhaseField } from './PhaseField';
import { ProcessPanel } from '../process/ProcessPanel';
import { ActorsTab } from '../actors/ActorsTab';
import { AnalysisTab } from '../analysis/AnalysisTab';
import { StepField } from './StepField';

const dateTime: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** One tab for now; further areas (analysis, agreement, reports) become further tabs. */
export const QuarterShow = () => {
  const dateLocale = useDateLocale();
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.quarters.tabs.overview">
          <TextField source="name" />
          <TextField source="municipality" />
          <TextField source="kreis" emptyText="–" />
          <TextField source="land" />
          <TextField source="housingCompany" />
          <ReferenceField source="programmeId" reference="programmes" link={false} />
          <PhaseField source="phase" />
          <StepField source="currentStep" />
          <DateField source="workflowStartedAt" locales={dateLocale} showTime options={dateTime} emptyText="–" />
          <DateField source="createdAt" locales={dateLocale} showTime options={dateTime} />
          <ProcessPanel label="process.timeline.title" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="genq_analysis.tabs.actors" path="actors">
          <ActorsTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="genq_analysis.tabs.analysis" path="analysis">
          <AnalysisTab />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
};
