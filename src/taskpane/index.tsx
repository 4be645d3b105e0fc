/**
 * Task-pane entry. Inside Excel it renders the pane with the real Excel actions; in a plain browser
 * (Office.onReady resolves with host null) it says to open the add-in in Excel.
 *
 * Test hook: when `window.__PROGRAM_ROLLUP_FAKE_EXCEL__` holds a PaneActions object (the e2e test injects
 * one with page.addInitScript before the page loads), the pane uses it instead of Excel. Nothing in the
 * add-in defines it, so in real use the hook is inert; it only lets a browser test drive the full pane.
 */
import { createRoot } from 'react-dom/client';
import type { CSSProperties, ReactNode } from 'react';
import { FluentProvider, webDarkTheme, type Theme } from '@fluentui/react-components';
import type { PaneActions } from './actions';
import { App } from './App';
import { OutsideOffice } from './OutsideOffice';
import { themeFor } from './theme';

declare global {
  interface Window {
    __PROGRAM_ROLLUP_FAKE_EXCEL__?: PaneActions & { officeTheme?: { bodyBackgroundColor?: string } };
  }
}

/** The provider paints the theme's background; it must cover the whole pane, not just the content. */
const FILL = { minHeight: '100vh' } as const;

/** Native controls (the date picker's icon) follow the CSS colour scheme, not Fluent's tokens. */
function providerStyle(theme: Theme): CSSProperties {
  return { ...FILL, colorScheme: theme === webDarkTheme ? 'dark' : 'light' };
}

function Themed({ theme, children }: { theme: Theme; children: ReactNode }) {
  return (
    <FluentProvider theme={theme} style={providerStyle(theme)}>
      {children}
    </FluentProvider>
  );
}

function mount(): HTMLElement {
  const existing = document.getElementById('container');
  if (existing) return existing;
  const el = document.createElement('div');
  el.id = 'container';
  document.body.appendChild(el);
  return el;
}

function officeTheme(): { bodyBackgroundColor?: string } | undefined {
  try {
    return Office.context?.officeTheme;
  } catch {
    // officeTheme throws outside a host that supports it; the light theme is the right fallback.
    return undefined;
  }
}

async function start(): Promise<void> {
  const root = createRoot(mount());
  const fake = window.__PROGRAM_ROLLUP_FAKE_EXCEL__;
  if (fake) {
    root.render(
      <Themed theme={themeFor(fake.officeTheme)}>
        <App actions={fake} />
      </Themed>,
    );
    return;
  }
  const info = await Office.onReady();
  if (info.host === Office.HostType.Excel) {
    const { excelActions } = await import(/* webpackChunkName: "excel" */ './excel-actions');
    root.render(
      <Themed theme={themeFor(officeTheme())}>
        <App actions={excelActions} />
      </Themed>,
    );
  } else {
    root.render(
      <Themed theme={themeFor(undefined)}>
        <OutsideOffice />
      </Themed>,
    );
  }
}

start().catch((e: unknown) => {
  console.error('[program-rollup] The task pane failed to start', e);
  const el = mount();
  el.textContent = 'The task pane failed to start. Reload the add-in; if it keeps failing, see the README.';
});
