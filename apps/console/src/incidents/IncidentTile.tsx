import { useEffect, useState } from 'react';
import { Card, CardActionArea, CardContent, Skeleton, Typography } from '@mui/material';
import { LinkBase, useCanAccess, useCreatePath, useTranslate } from 'react-admin';
import { incidentCounts } from './api';

/** The dashboard tile: open incidents (a cheap count of its own, not part of the dashboard read), linking to the list. */
export const IncidentTile = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [open, setOpen] = useState<number | undefined>();
  const { canAccess } = useCanAccess({ resource: 'incidents', action: 'list' });
  useEffect(() => {
    if (!canAccess) return;
    let live = true;
    incidentCounts()
      .then((c) => live && setOpen(c.open))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [canAccess]);
  if (!canAccess) return null;
  const to = `${createPath({ resource: 'incidents', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify({ status: 'open' }))}`;
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid="dashboard-incidents">
      <CardActionArea component={LinkBase} to={to} sx={{ height: '100%' }}>
        <CardContent>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {translate('genq_incidents.tile')}
          </Typography>
          {open === undefined ? (
            <Skeleton variant="text" width={48} sx={{ fontSize: '2.5rem' }} />
          ) : (
            <Typography variant="h4" component="p" color={open > 0 ? 'error' : undefined} data-testid="dashboard-incidents-value" data-value={open}>
              {open}
            </Typography>
          )}
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
