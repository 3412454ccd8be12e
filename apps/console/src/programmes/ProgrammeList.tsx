import { Box } from '@mui/material';
import { Datagrid, FunctionField, List, TextField } from 'react-admin';
import { PdfButton, documentPaths } from '../documents/PdfButton';
import { mayReadProgrammeReport } from './ProgrammeShow';
import type { Programme } from '.';
import { RecordLinkField } from '../layout/RecordLinkField';

export const ProgrammeList = () => (
  <List sort={{ field: 'name', order: 'ASC' }} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="id" />
      <RecordLinkField source="name" />
      <TextField source="catalogueVersion" />
      {mayReadProgrammeReport() && (
        <FunctionField<Programme>
          label="genq_programmes.report"
          sortable={false}
          render={(r) => (
            // The button downloads; the row's click (open the programme) stays out of it.
            <Box onClick={(e) => e.stopPropagation()}>
              <PdfButton path={documentPaths.programmeReport(String(r.id))} filename={`programmbericht-${r.id}.pdf`} label="genq_programmes.report_pdf" />
            </Box>
          )}
        />
      )}
    </Datagrid>
  </List>
);
