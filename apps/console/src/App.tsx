import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import accounts from './accounts';
import auditLog from './auditLog';
import catalogues from './catalogues';
import { authProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import notifications from './notifications';
import deadLetters from './deadLetters';
import incidents from './incidents';
import organisations from './organisations';
import people from './people';
import programmes from './programmes';
import { dataProvider } from './providers/dataProvider';
import quarters from './quarters';
import { QuarterImport } from './quarters/QuarterImport';
import { MySavedViews } from './savedViews/MySavedViews';
import { Home } from './tasks/Home';
import { TasksPage } from './tasks/TasksPage';

export const App = () => (
  <Admin
    title="GenQ – Programmstelle"
    dataProvider={dataProvider}
    authProvider={authProvider}
    loginPage={LoginPage}
    i18nProvider={i18nProvider}
    layout={Layout}
    dashboard={Home}
    theme={theme}
    disableTelemetry
  >
    <Resource name="quarters" {...quarters} />
    <Resource name="programmes" {...programmes} />
    <Resource name="organisations" {...organisations} />
    <Resource name="people" {...people} />
    <Resource name="accounts" {...accounts} />
    <Resource name="catalogues" {...catalogues} options={{ label: 'genq_catalogues.name' }} />
    {/* The menu shows each role only what it may use (authProvider.canAccess). */}
    <Resource name="audit-log" {...auditLog} />
    <Resource name="notifications" {...notifications} />
    <Resource name="dead-letters" {...deadLetters} />
    <Resource name="incidents" {...incidents} options={{ label: 'genq_incidents.name' }} />
    <CustomRoutes>
      <Route path="/quarters/import" element={<QuarterImport />} />
      <Route path="/tasks" element={<TasksPage />} />
      <Route path="/saved-views" element={<MySavedViews />} />
    </CustomRoutes>
  </Admin>
);
