import { Box, Typography } from '@mui/material';
import { DateField, ReferenceField, Show, SimpleShowLayout, TabbedShowLayout, TabbedShowLayoutTabs, TextField, useCanAccess, useRecordContext } from 'react-admin';
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
import type { Quarter } from './domain';

const dateTime: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/**
 * The quarter's name as the page's heading, above the tabs and in full: the title in the top
 * bar is cut with "…" when the name is long, this heading wraps instead (issue 17).
 */
const QuarterHeading = () => {
  const record = useRecordContext<Quarter>();
  if (!record) return null;
  return (
    <Typography variant="h6" component="h1" sx={{ px: 2, pt: 1.5, overflowWrap: 'anywhere' }} data-testid="quarter-title">
      {record.name}
    </Typography>
  );
};

/**
 * The overview in two columns on a laptop screen: the quarter's facts on the left, its
 * process on the right, so the timeline is seen without scrolling at 1280x720 (issue 17).
 * Narrower screens stack them, the facts first.
 */
const Overview = (_props: { label?: false }) => {
  const dateLocale = useDateLocale();
  return (
    // Side by side where both fit (from 1280 px: 220 + 700 px and the gap), stacked below.
    // Flex, not grid: a grid's fr columns would make the page as wide as their content.
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3, alignItems: 'flex-start' }}>
      <Box sx={{ flex: '1 1 220px', minWidth: 0 }}>
        {/* The name is the page's heading above the tabs. */}
        <SimpleShowLayout sx={{ p: 0 }}>
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
        </SimpleShowLayout>
      </Box>
      <Box sx={{ flex: '3 1 700px', minWidth: 0 }}>
        <ProcessPanel />
      </Box>
    </Box>
  );
};

/** The quarter: its overview with the process, then one tab per area of the work. */
export const QuarterShow = () => {
  // The audit log is the programme admin's (gateway policy): others get no "Protokoll" tab.
  const { canAccess: mayReadLog } = useCanAccess({ resource: 'audit-log', action: 'list' });
  return (
    <Show>
      <QuarterHeading />
      {/* Eight tabs do not fit every width: they scroll instead of being cut off, and (contained)
          do not widen the page to their own length. */}
      <TabbedShowLayout tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" sx={{ contain: 'inline-size' }} />}>
        <TabbedShowLayout.Tab label="resources.quarters.tabs.overview">
          <Overview label={false} />
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
