import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { DutiesSection } from '../../src/taskpane/components/DutiesSection';
import { rollup } from '../../src/core/rollup';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { RenderReport } from '../../src/core/report/plan';
import { core, data, sheet } from '../core/benefits/fixtures';

const NOW = new Date('2026-03-02T09:00:00Z');
const plat = sheet('Platform', 'PLAT', [
  [5, 'Go-live', '2026-03-30', '2026-03-30', 'DATA:1', ''],
  [7, 'Platform build', '2026-03-30', '2026-04-10', '', 'Bo Lee'],
]);
const benefits = {
  sheet: 'Benefits',
  values: [
    ['ID', 'Benefit', 'Realisation Start', 'Value', 'Enabling Milestones'],
    ['B1', 'Faster onboarding', '2026-04-01', 1200000, 'PLAT:5'],
  ],
};
const report: RenderReport = {
  sheetNames: { summary: 'Program Summary', dependencies: 'Program Dependencies', risks: 'Program Risks', issues: 'Rollup Issues', history: 'Rollup History', changes: 'Program Changes', snapshot: 'Rollup Snapshot', trend: 'Milestone Trend', status: 'Program Status', benefits: 'Program Benefits', resources: 'Program Resources', raid: '' },
  notes: [],
};

test('the pane lists the at-risk benefit and the slip-created conflict, and opens their sources', async () => {
  const { result } = rollup({ grids: [core(), data(), plat, benefits] }, DEFAULT_SETTINGS, NOW);
  const goTo = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <DutiesSection result={result} report={report} onGoTo={goTo} />
    </FluentProvider>,
  );
  expect(screen.getByText('1 of 1 benefit at risk; 1.2M of value delayed, median 3 working days.')).toBeInTheDocument();
  expect(screen.getByText('B1 Faster onboarding')).toBeInTheDocument();
  expect(screen.getByText('Bo Lee, 2026-03-30 (slip)')).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Open PLAT:5 in Platform' }));
  expect(goTo).toHaveBeenLastCalledWith('Platform', 'B6');
  await userEvent.click(screen.getByRole('button', { name: 'Open DATA:1 in Data' }));
  expect(goTo).toHaveBeenLastCalledWith('Data', 'B6');
  await userEvent.click(screen.getByText('B1 Faster onboarding'));
  expect(goTo).toHaveBeenLastCalledWith('Program Benefits', 'A1');
});

test('nothing to show: no sections', () => {
  const { result } = rollup({ grids: [sheet('Core', 'CORE', [[1, 'Core API', '2026-03-02', '2026-03-20', '', '']])] }, DEFAULT_SETTINGS, NOW);
  const { container } = render(<DutiesSection result={result} report={report} onGoTo={jest.fn()} />);
  expect(container.querySelectorAll('section')).toHaveLength(0);
});
