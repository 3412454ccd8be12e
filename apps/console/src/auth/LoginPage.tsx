import { useState } from 'react';
import { Box, Button, CardContent, CircularProgress, Typography } from '@mui/material';
import { Form, Login, PasswordInput, TextInput, email, required, useLogin, useNotify, useTranslate } from 'react-admin';
import { AuthError } from './session';

/** Which message a refused login shows: the gateway does not say whether the address exists or is locked. */
const messageFor = (err: unknown): string => {
  const status = err instanceof AuthError ? err.status : 0;
  if (status === 401 || status === 400) return 'app.auth.failed';
  if (status === 429) return 'app.auth.too_many';
  return 'app.auth.unavailable';
};

const LoginForm = () => {
  const login = useLogin();
  const notify = useNotify();
  const translate = useTranslate();
  const [loading, setLoading] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    setLoading(true);
    try {
      await login({ email: String(values.email ?? '').trim(), password: String(values.password ?? '') });
    } catch (err) {
      notify(messageFor(err), { type: 'error' });
    } finally {
      setLoading(false);
    }
  };

  return (
    <Form onSubmit={submit} noValidate>
      <CardContent sx={{ minWidth: 320 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 2 }}>
          <Box component="img" src="./favicon.svg" alt="" sx={{ width: 40, height: 40 }} />
          <Box>
            <Typography component="p" variant="h5" sx={{ fontWeight: 700, lineHeight: 1.1 }}>
              {translate('app.auth.product')}
            </Typography>
            <Typography component="p" variant="body2" color="text.secondary">
              {translate('app.auth.programme')}
            </Typography>
          </Box>
        </Box>
        <Typography component="h1" variant="h6" sx={{ mb: 0.5 }}>
          {translate('app.auth.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('app.auth.subtitle')}
        </Typography>
        <TextInput
          source="email"
          type="email"
          label="app.auth.email"
          autoComplete="username"
          autoFocus
          validate={[required(), email()]}
          fullWidth
        />
        <PasswordInput source="password" label="app.auth.password" autoComplete="current-password" validate={required()} fullWidth />
        <Box sx={{ mt: 1 }}>
          <Button variant="contained" type="submit" color="primary" disabled={loading} fullWidth>
            {loading ? <CircularProgress size={22} thickness={3} /> : translate('app.auth.submit')}
          </Button>
        </Box>
      </CardContent>
    </Form>
  );
};

/** The German login page (e-mail and password); sign-in through OpenID Connect is documented in docs/security.md. */
export const LoginPage = () => (
  <Login>
    <LoginForm />
  </Login>
);
