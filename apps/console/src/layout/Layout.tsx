import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { Layout as RaLayout, useLocaleState } from 'react-admin';
import { AppBar } from './AppBar';
import { Menu } from './Menu';
import { RetryNotice } from './RetryNotice';

/** Keeps `<html lang>` in step with the UI language, for screen readers and hyphenation. */
const useDocumentLanguage = () => {
  const [locale] = useLocaleState();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
};

export const Layout = ({ children }: { children: ReactNode }) => {
  useDocumentLanguage();
  return (
    <RaLayout appBar={AppBar} menu={Menu}>
      <RetryNotice />
      {children}
    </RaLayout>
  );
};
