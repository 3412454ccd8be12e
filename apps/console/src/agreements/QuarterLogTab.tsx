import { Fragment, useState } from 'react';
import { Box, Collapse, IconButton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@mui/icons-material/KeyboardArrowUp';
import { useTranslate } from 'react-admin';
import { AuditAction, AuditResource } from '../auditLog/labels';
import { LoadFailed, useQuarterApi } from '../quarters/useQuarterApi';
import { agreementsApi } from './api';
import { reasonOf } from './errors';
import { useFormat } from './format';

const L = 'genq_agreements.log';

const Snapshot = ({ value }: { value: unknown }) => (
  <Box component="pre" sx={{ m: 0, p: 1, bgcolor: 'grey.100', borderRadius: 1, fontSize: 12, overflowX: 'auto', maxHeight: 320 }}>
    {value === null || value === undefined ? '–' : JSON.stringify(value, null, 2)}
  </Box>
);

/** The quarter's entries of the audit log (GET /audit-log filtered by quarter), newest first, each with before and after. */
export const QuarterLogTab = () => {
  const translate = useTranslate();
  const format = useFormat();
  const { data: entries, error } = useQuarterApi((id) => agreementsApi.auditLog(id), reasonOf);
  const [open, setOpen] = useState<Set<number>>(new Set());

  if (error) return <LoadFailed messageKey="genq_agreements.failed" error={error} />;
  if (!entries) return null;

  const toggle = (id: number) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };

  return (
    <Stack spacing={1} sx={{ py: 1 }} data-testid="quarter-log">
      <Typography variant="h6">{translate(`${L}.title`)}</Typography>
      {entries.length === 0 ? (
        <Typography color="text.secondary">{translate(`${L}.none`)}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell>{translate(`${L}.at`)}</TableCell>
              <TableCell>{translate(`${L}.who`)}</TableCell>
              <TableCell>{translate(`${L}.action`)}</TableCell>
              <TableCell>{translate(`${L}.resource`)}</TableCell>
              <TableCell>{translate(`${L}.reason`)}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries.map((e) => (
              <Fragment key={e.id}>
                <TableRow data-testid={`log-${e.action}`} sx={{ '& > *': { borderBottom: 'unset' } }}>
                  <TableCell padding="checkbox">
                    <IconButton size="small" aria-label={`${translate(`${L}.details`)} ${e.action}`} aria-expanded={open.has(e.id)} onClick={() => toggle(e.id)}>
                      {open.has(e.id) ? <KeyboardArrowUpIcon /> : <KeyboardArrowDownIcon />}
                    </IconButton>
                  </TableCell>
                  <TableCell>{format.dateTime(e.at)}</TableCell>
                  <TableCell>
                    {e.actorEmail ?? translate(`${L}.system`)}
                    <Typography variant="caption" display="block" color="text.secondary">
                      {translate(`app.roles.${e.actorRole}`, { _: e.actorRole })}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <AuditAction action={e.action} />
                  </TableCell>
                  <TableCell>
                    <AuditResource type={e.resourceType} />
                  </TableCell>
                  <TableCell>{e.reason ?? '–'}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell colSpan={6} sx={{ py: 0 }}>
                    <Collapse in={open.has(e.id)} unmountOnExit>
                      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ py: 1 }}>
                        <Box sx={{ flex: 1, minWidth: 0 }}>
                          <Typography variant="caption">{translate(`${L}.before`)}</Typography>
                          <Snapshot value={e.before} />
                        </Box>
                        <Box sx={{ flex: 1, minWidth: 0 }}>
                          <Typography variant="caption">{translate(`${L}.after`)}</Typography>
                          <Snapshot value={e.after} />
                        </Box>
                      </Stack>
                    </Collapse>
                  </TableCell>
                </TableRow>
              </Fragment>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
};
