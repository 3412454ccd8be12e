import { defaultTheme } from 'react-admin';
import type { RaThemeOptions } from 'react-admin';

/** A calm, low-contrast palette: the console is open all day. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    mode: 'light',
    primary: { main: '#2f5d62' },
    secondary: { main: '#5e8b7e' },
    // MUI's default orange (#ed6c02) has 3:1 on white; text buttons need 4.5:1 (WCAG 2.1 AA).
    warning: { main: '#b45309' },
    // Likewise MUI's default blue (#0288d1) under white chip text.
    info: { main: '#01579b' },
    background: { default: '#f5f6f4', paper: '#ffffff' },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: ['Inter', 'Segoe UI', 'Roboto', 'Helvetica', 'Arial', 'sans-serif'].join(','),
  },
  components: {
    ...defaultTheme.components,
    MuiAppBar: { styleOverrides: { colorSecondary: { backgroundColor: '#2f5d62' } } },
  },
};
