/** The pane labels duration-weighted earned value (issue 10): the program KPIs, the project rows, the note. */
import { render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ResultsSection } from '../../src/taskpane/components/ResultsSection';
import type { RollupOutcome } from '../../src/taskpane/actions';
import { sampleOutcome } from './sample-outcome';

function renderResults(outcome: RollupOutcome) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ResultsSection outcome={outcome} onGoTo={() => undefined} />
    </FluentProvider>,
  );
}

describe('duration-weighted earned value in the pane', () => {
  it('shows plain SPI labels and no note when every project is cost-weighted', () => {
    renderResults(sampleOutcome());
    const results = screen.getByRole('region', { name: 'Results' });
    expect(within(results).getByText('SPI')).toBeInTheDocument();
    expect(within(results).queryByText(/duration-weighted/)).toBeNull();
  });

  it('labels the duration-weighted projects and the program SPI, and says what the program sums', () => {
    const outcome = sampleOutcome();
    const r = outcome.result;
    r.projects = r.projects.map((p) => (p.id === 'WEB' ? { ...p, evmBasis: 'duration' } : p.id === 'ROL' ? { ...p, evmBasis: 'duration-forecast-plan' } : p));
    r.program = { ...r.program, evmBasis: 'duration', evmProjects: ['WEB'], evmExcluded: [], evmNote: null };
    renderResults(outcome);
    const results = screen.getByRole('region', { name: 'Results' });
    expect(within(results).getByText('SPI (duration-weighted)')).toBeInTheDocument();
    expect(within(results).getByText('SPI(t) (duration-weighted)')).toBeInTheDocument();
    expect(within(results).getByRole('button', { name: /^Web App\s*duration-weighted\s*4 d late\s*, health Amber$/ })).toBeInTheDocument();
    expect(within(results).getByRole('button', { name: /^Rollout\s*duration-weighted on forecast/ })).toBeInTheDocument();
    expect(within(results).getByRole('button', { name: /^Platform\s*on time\s*, health Green$/ })).toBeInTheDocument(); // cost-weighted: no label
    expect(within(results).getByText(/^Earned value is duration-weighted for WEB .*Program SPI is duration-weighted too\.$/)).toBeInTheDocument();
  });
});
