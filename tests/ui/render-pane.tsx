/** The pane as the add-in mounts it, and the accessibility check every pane test runs on it. */
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import axe from 'axe-core';
import { App } from '../../src/taskpane/App';
import type { PaneActions } from '../../src/taskpane/actions';

export function renderPane(actions: PaneActions) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App actions={actions} />
    </FluentProvider>,
  );
}

/** axe on the whole pane; only serious and critical violations fail (jsdom cannot compute colour contrast). */
export async function expectAccessible(container: HTMLElement): Promise<void> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
