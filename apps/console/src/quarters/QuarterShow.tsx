import { DateField, ReferenceField, Show, TabbedShowLayout, TextField, useCanAccess } from 'react-admin';
import { useDateLocale } from '../i18n/useDateLocale';
import { PhaseField } from './PhaseField';
import { ProcessPanel } from '../process/ProcessPanel';
import { ActorsTab } from '../actors/ActorsTab';
import { AnalysisTab } from '../analysis/AnalysisTab';
import { StepField } from './StepField';
import { ConceptTab } from '../agreements/ConceptTab';
import { AgreementTab } from '../agreements/AgreementTab';
import { ReportsTab } from '../agreements/ReportsTab';
import { QuarterLogTab } from '../agreements/QuarterLogTab';
import { AmendmentsPanel } from '../agreements/AmendmentsPanel';
import { QuarterDetailsPanel } from './QuarterDetailsForm';
import { OrganisationNameField } from './OrganisationNameField';

const dateTime: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** One tab for now; further areas (analysis, agreement, reports) become further tabs. */
export const QuarterShow = () => {
  const dateLocale = useDateLocale();
  // The audit log is the programme admin's (gateway policy): others get no "Protokoll" tab.
  const { canAccess: mayReadLog } = useCanAccess({ resource: 'audit-log', action: 'list' });
  return (
    <Show>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.quarters.tabs.overview">
          <TextField source="name" />
          <OrganisationNameField source="municipality" idSource="municipalityId" />
          <TextField source="kreis" emptyText="–" />
          <TextField source="land" />
          <OrganisationNameField source="housingCompany" idSource="housingCompanyId" />
          <QuarterDetailsPanel label="genq_quarter_details.section" />
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
        <TabbedShowLayout.Tab label="genq_agreements.tabs.concept" path="concept">
          <ConceptTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="genq_agreements.tabs.agreement" path="agreement">
          <AgreementTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="genq_agreements.tabs.reports" path="reports">
          <ReportsTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="genq_amendments.tab" path="amendments">
          <AmendmentsPanel />
        </TabbedShowLayout.Tab>
        {mayReadLog && (
          <TabbedShowLayout.Tab label="genq_agreements.tabs.log" path="log">
            <QuarterLogTab />
          </TabbedShowLayout.Tab>
        )}
      </TabbedShowLayout>
    </Show>
  );
};
