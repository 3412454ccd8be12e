import { Alert, Button } from '@mui/material';
import { Link } from 'react-router-dom';
import { useGetList, useTranslate } from 'react-admin';

/**
 * Warns the operator at the notification outbox when the event stream holds dead letters:
 * facts that did not reach the process or a service. Shows nothing while there are none (or
 * while NATS cannot be asked: the list itself then says so).
 */
export const DeadLetterAlert = () => {
  const translate = useTranslate();
  const { total } = useGetList('dead-letters', { pagination: { page: 1, perPage: 1 } }, { retry: false });
  if (!total) return null;
  return (
    <Alert
      severity="error"
      data-testid="dead-letter-alert"
      sx={{ mb: 1 }}
      action={
        <Button component={Link} to="/dead-letters" color="inherit" size="small">
          {translate('resources.dead-letters.alert_open')}
        </Button>
      }
    >
      {translate('resources.dead-letters.alert', { smart_count: total })}
    </Alert>
  );
};
