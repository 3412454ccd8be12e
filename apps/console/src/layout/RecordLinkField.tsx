import { Typography } from '@mui/material';
import type { MouseEvent } from 'react';
import { LinkBase, useCreatePath, useFieldValue, useRecordContext, useResourceContext } from 'react-admin';
import type { FieldProps } from 'react-admin';

/**
 * A list's naming column as a link to the record's page. The row's click is the mouse's way
 * there; a table row takes no focus, so the link is the keyboard's (issue 17: every main flow
 * with the keyboard alone).
 */
export const RecordLinkField = (props: FieldProps & { source: string }) => {
  const record = useRecordContext(props);
  const resource = useResourceContext(props);
  const value: unknown = useFieldValue({ source: props.source, record: props.record });
  const createPath = useCreatePath();
  if (!record || !resource) return null;
  return (
    <Typography
      component={LinkBase}
      to={createPath({ resource, type: 'show', id: record.id })}
      variant="body2"
      color="primary"
      data-testid="record-link"
      // The row would open the same page a second time.
      onClick={(e: MouseEvent) => e.stopPropagation()}
      sx={{ textDecoration: 'none', '&:hover': { textDecoration: 'underline' } }}
    >
      {value == null ? '' : String(value)}
    </Typography>
  );
};
