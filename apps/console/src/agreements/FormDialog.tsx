import type { ReactNode } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, Stack } from '@mui/material';
import type { SxProps, Theme } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ConceptGap } from './types';

/** A form in a dialog: the fields stacked under the title, and Cancel next to the dialog's own actions. */
export const FormDialog = ({
  title,
  maxWidth = 'sm',
  onClose,
  actions,
  children,
}: {
  title: ReactNode;
  maxWidth?: 'sm' | 'md';
  onClose: () => void;
  actions: ReactNode;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth={maxWidth}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {children}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('genq_agreements.concept.cancel')}</Button>
        {actions}
      </DialogActions>
    </Dialog>
  );
};

/** Why the Handlungskonzept cannot be submitted (the 409's gaps), one line each. */
export const GapsAlert = ({ gaps, sx, testId }: { gaps: ConceptGap[]; sx?: SxProps<Theme>; testId: string }) => {
  const translate = useTranslate();
  return (
    <Alert severity="warning" sx={sx} data-testid={testId}>
      {translate('genq_agreements.concept.gaps_title')}
      <List dense>
        {gaps.map((g, i) => (
          <ListItem key={i} disableGutters>
            <ListItemText primary={translate(`genq_agreements.concept.gap_codes.${g.code}`, { _: g.code })} secondary={g.message} />
          </ListItem>
        ))}
      </List>
    </Alert>
  );
};
