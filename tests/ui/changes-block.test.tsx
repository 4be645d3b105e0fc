import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ResultsSection } from '../../src/taskpane/components/ResultsSection';
import type { ChangesResult, ProjectChange } from '../../src/core/changes-result';
import { sampleOutcome } from './sample-outcome';
import type { PmStatusResult } from '../../src/core/status-result';

jest.setTimeout(30_000);

const flip = (id: string, name: string, then: ProjectChange['healthThen'], now: ProjectChange['healthNow'], direction: ProjectChange['direction'], reasonThen: string, reasonNow: string): ProjectChange => ({
  id, name, healthThen: then, healthNow: now, reasonThen, reasonNow, direction, finishThen: null, finishNow: null, finishMoveDays: null,
  spiThen: null, spiNow: null, spiDelta: null, cpiThen: null, cpiNow: null, cpiDelta: null, svtThen: null, svtNow: null, svtDelta: null, pmRagThen: null, pmRagNow: null,
});

const CHANGES: ChangesResult = {
  since: '2026-11-06', sinceRollupAt: '2026-11-07T09:00:00.000Z',
  headline: 'Since 2026-11-06: 1 project worse, 1 better; program finish +6 working days; 1 hand-off newly late',
  projectsWorse: 1, projectsBetter: 1, programFinishMoveDays: 6, handoffsNewlyLate: 1, handoffsLostSlack: 0, milestonesMoved: 2,
  risksOpened: 0, risksClosed: 0, issuesNew: 0, issuesFixed: 0, pmRagChanged: 0,
  projects: [
    flip('(program)', 'Program', 'amber', 'red', 'worse', 'Amber', 'Red'),
    flip('WEB', 'Customer Web Portal', 'amber', 'red', 'worse', 'Amber: SPI 0.93 < 0.95', 'Red: SPI 0.84 < 0.90'),
    flip('DW', 'Data Warehouse', 'red', 'amber', 'better', 'Red: SPI 0.85 < 0.90', 'Amber: SPI 0.92 < 0.95'),
    flip('PLAT', 'Platform', 'green', 'green', 'same', 'on track', 'on track'),
  ],
  handoffs: [], milestones: [], risks: [], dataIssues: [],
};

function renderResults(changes: ChangesResult | null, pmStatus?: PmStatusResult[]) {
  const outcome = sampleOutcome();
  outcome.result = { ...outcome.result, changes, ...(pmStatus ? { pmStatus } : {}) };
  const goTo = jest.fn<undefined, [string, string]>();
  render(
    <FluentProvider theme={webLightTheme}>
      <ResultsSection outcome={outcome} onGoTo={goTo} />
    </FluentProvider>,
  );
  return goTo;
}

describe('the change block in the pane', () => {
  it('shows the headline and each health flip with the reason then and now, and opens Program Changes', async () => {
    const goTo = renderResults(CHANGES);
    expect(screen.getByText(CHANGES.headline)).toBeInTheDocument();
    const flips = screen.getByRole('list', { name: 'Health changes' });
    expect(flips.querySelectorAll('li')).toHaveLength(2);
    expect(flips).toHaveTextContent('Customer Web Portal');
    expect(flips).toHaveTextContent('worse: was “Amber: SPI 0.93 < 0.95”, now “Red: SPI 0.84 < 0.90”');
    expect(flips).toHaveTextContent('better: was “Red: SPI 0.85 < 0.90”');
    expect(flips).not.toHaveTextContent('Platform');
    await userEvent.click(screen.getByRole('button', { name: 'Open Program Changes' }), { skipHover: true });
    expect(goTo).toHaveBeenCalledWith('Program Changes', 'A1');
  });

  it('says there is nothing to compare with on a first roll-up', () => {
    renderResults(null);
    expect(screen.getByText(/Nothing to compare with yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Open Program Changes/ })).toBeNull();
  });

  it('lists the PMs whose colour differs from the figures, with the computed reason, and the stale updates', async () => {
    const base = { manager: 'Sofia Marin', sheet: 'Web App', pmRagText: null, summary: null, accomplishments: null, nextSteps: null, decisions: [], escalations: [], updated: '2026-11-01', cell: 'S1' };
    const goTo = renderResults(null, [
      { ...base, projectId: 'WEB', projectName: 'Customer Web Portal', pmRag: 'green', computed: 'red', computedReason: 'Red: SPI 0.84 < 0.90', disagrees: true, disagreement: 'PM says Green; figures say Red: SPI 0.84 < 0.90', ageDays: 12, stale: false },
      { ...base, projectId: 'APP', projectName: 'Mobile App', pmRag: 'amber', computed: 'amber', computedReason: 'Amber', disagrees: false, disagreement: null, ageDays: 28, stale: true },
    ]);
    const list = screen.getByRole('list', { name: 'Status disagreements' });
    expect(list.querySelectorAll('li')).toHaveLength(1);
    expect(list).toHaveTextContent('PM says Green; figures say Red: SPI 0.84 < 0.90');
    expect(screen.getByText('Stale updates: Mobile App (28 days)')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Open Program Status' }), { skipHover: true });
    expect(goTo).toHaveBeenCalledWith('Program Status', 'A1');
  });
});
