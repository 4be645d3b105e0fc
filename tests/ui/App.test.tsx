import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expectAccessible, renderPane } from './render-pane';
import type { RollupOptions, RollupOutcome } from '../../src/taskpane/actions';
import { deferred, recordingActions } from './fake-actions';
import { buildWorkbookPlan } from '../../src/core/report';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { SAMPLE_ANCHORS, SAMPLE_REPORT, SAMPLE_SOURCES, sampleOutcome, sampleResult } from './sample-outcome';

// jsdom + Fluent + axe is slow on a busy 2-core machine; these are behaviour tests, not timing tests.
// Generous: Fluent in jsdom is slow on a loaded two-core machine, and a timeout here says nothing about the pane.
jest.setTimeout(90_000);

/** Clicks without hovering first: a hover opens a Fluent tooltip whose positioning ends outside act(). */
const NO_TOOLTIP = { skipHover: true };

async function ready() {
  await screen.findByRole('checkbox', { name: /Platform \(PLT\)/ });
}

describe('task pane', () => {
  it('lists the sources with their state and is accessible before a roll-up', async () => {
    const { container } = renderPane(recordingActions().actions);
    await ready();
    expect(screen.getByText('Project with 27 tasks and 5 risks')).toBeInTheDocument();
    expect(screen.getByText('Project with 21 tasks and 5 risks · hidden')).toBeInTheDocument();
    expect(screen.getByText('Skipped: no task table found')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Notes' })).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Sources' })).getByText('Notes')).toBeInTheDocument();
    await expectAccessible(container);
  });

  it('excluding a source saves it in the settings', async () => {
    const rec = recordingActions();
    renderPane(rec.actions);
    await ready();
    await userEvent.click(screen.getByRole('checkbox', { name: /Rollout \(ROL\)/ }));
    await waitFor(() => expect(rec.saved).toHaveLength(1));
    expect(rec.saved[0].excludedSheets).toEqual(['Rollout']);
    expect(screen.getByRole('checkbox', { name: /Rollout \(ROL\)/ })).not.toBeChecked();
  });

  it('keeps an excluded project re-includable even when the core lists it as skipped', async () => {
    const rec = recordingActions();
    const base = rec.actions;
    rec.actions = {
      ...base,
      loadSettings: async () => {
        const loaded = await base.loadSettings();
        return { ...loaded, settings: { ...loaded.settings, excludedSheets: ['Rollout'] } };
      },
      listSources: async () => [
        { sheet: 'Rollout', kind: 'skipped', hidden: false, projectId: null, taskCount: 0, riskCount: 0, reason: 'excluded by you', excluded: true },
      ],
    };
    renderPane(rec.actions);
    const box = await screen.findByRole('checkbox', { name: 'Rollout' });
    expect(box).not.toBeChecked();
    await userEvent.click(box);
    await waitFor(() => expect(rec.saved).toHaveLength(1));
    expect(rec.saved[0].excludedSheets).toEqual([]);
  });

  it('lists a previewed sheet without counts, then shows the counts of the roll-up (issue 11, defect 5)', async () => {
    const rec = recordingActions();
    // What opening the pane lists: only the first rows were read, so the counts are not the sheet's.
    rec.actions = {
      ...rec.actions,
      listSources: async () => SAMPLE_SOURCES.map((x) => (x.kind === 'project' ? { ...x, taskCount: 3, riskCount: 0, countsUnknown: true } : x)),
    };
    renderPane(rec.actions);
    await ready();
    const sources = screen.getByRole('region', { name: 'Sources' });
    expect(within(sources).getAllByText('Project; tasks and risks are counted by a roll-up')).toHaveLength(4);
    expect(within(sources).queryByText(/Project with 3 tasks/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Roll up' }));
    await screen.findByRole('region', { name: 'Results' });
    // The roll-up read every sheet: its result.sources replace the preview.
    expect(within(sources).getByText('Project with 32 tasks and 6 risks')).toBeInTheDocument();
    expect(within(sources).queryByText(/counted by a roll-up/)).toBeNull();
  });

  it('rolls up and shows program health, KPIs, projects and late hand-offs that navigate', async () => {
    const rec = recordingActions();
    const { container } = renderPane(rec.actions);
    await ready();
    await userEvent.click(screen.getByRole('button', { name: 'Roll up' }));
    const results = await screen.findByRole('region', { name: 'Results' });
    expect(within(results).getByText('Amber')).toBeInTheDocument();
    expect(within(results).getByText('CPI 0.94 is below 0.95 and two hand-offs are late.')).toBeInTheDocument();
    expect(within(results).getByText('0.94')).toBeInTheDocument();
    expect(within(results).getByText('5.5M')).toBeInTheDocument();
    // A project row goes to the project's row in the summary (where the plan put it: MOB is the second row
    // under the header in row 11); the small button beside it opens the PM's sheet.
    expect(SAMPLE_ANCHORS.projects.MOB).toEqual({ role: 'summary', cell: 'A13' });
    const mobile = within(results).getByRole('button', { name: /^Mobile App\s*14 d late\s*, health Red$/ });
    await userEvent.click(mobile);
    expect(rec.visited).toEqual([['Program Summary', 'A13']]);
    await userEvent.click(within(results).getByRole('button', { name: 'Open sheet Mobile App' }), NO_TOOLTIP);
    expect(rec.visited[1]).toEqual(['Mobile App', 'A1']);
    // A late hand-off goes to its row on the dependencies sheet; its small button to the cell the PM fixes.
    await userEvent.click(within(results).getByRole('button', { name: /^DWH\.8 → WEB\.15\s*3 d late\s*, Reporting views to Dashboards$/ }));
    expect(rec.visited[2]).toEqual(['Program Dependencies', 'A6']);
    await userEvent.click(within(results).getByRole('button', { name: /^PLT\.12 → MOB\.4\s*6 d late\s*, Auth API ready to Login screens$/ }));
    expect(rec.visited[3]).toEqual(['Program Dependencies', 'A5']);
    await userEvent.click(within(results).getByRole('button', { name: 'Open cell H6 in Mobile App, where the link is set' }), NO_TOOLTIP);
    expect(rec.visited[4]).toEqual(['Mobile App', 'H6']);
    expect(within(results).getAllByRole('button', { name: /^Open sheet / })).toHaveLength(5);
    // Keyboard: Tab goes from a row to its source button, and Enter follows it.
    act(() => mobile.focus());
    await userEvent.tab();
    expect(within(results).getByRole('button', { name: 'Open sheet Mobile App' })).toHaveFocus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Open sheet Mobile App');
    await userEvent.keyboard('{Enter}');
    expect(rec.visited[5]).toEqual(['Mobile App', 'A1']);
    expect(within(results).queryByText(/PLT.20/)).toBeNull(); // at-risk, not late
    expect(rec.rollups[0].settings.holidaySheet).toBe('Holidays');
    await expectAccessible(container);
  });

  it('navigates to the sheet names the renderer chose and tells repeated links apart', async () => {
    // The summary sheets went to suffixed names (the user had sheets called that), and the register repeats a
    // link a PM also typed in a Predecessors cell: two rows, two places.
    const base = sampleResult();
    const repeat = { ...base.dependencies[0], origin: 'register' as const, sheet: 'Dependencies', cell: 'B9' };
    const result = { ...base, dependencies: [...base.dependencies, repeat] };
    const report = { ...SAMPLE_REPORT, sheetNames: { ...SAMPLE_REPORT.sheetNames, summary: 'Program Summary (2)', dependencies: 'Program Dependencies (2)' } };
    const rec = recordingActions(async () => ({ result, report, anchors: buildWorkbookPlan(result, DEFAULT_SETTINGS).anchors }));
    const { container } = renderPane(rec.actions);
    await ready();
    await userEvent.click(screen.getByRole('button', { name: 'Roll up' }));
    const results = await screen.findByRole('region', { name: 'Results' });
    await userEvent.click(within(results).getByRole('button', { name: /^Web App/ }));
    expect(rec.visited).toEqual([['Program Summary (2)', 'A14']]);
    const rows = within(results).getAllByRole('button', { name: /^PLT\.12 → MOB\.4/ });
    expect(rows).toHaveLength(2);
    await userEvent.click(rows[0]);
    await userEvent.click(rows[1]);
    expect(rec.visited.slice(1)).toEqual([['Program Dependencies (2)', 'A5'], ['Program Dependencies (2)', 'A8']]);
    await userEvent.click(within(results).getByRole('button', { name: 'Open cell B9 in Dependencies, where the link is set' }), NO_TOOLTIP);
    expect(rec.visited[3]).toEqual(['Dependencies', 'B9']);
    await expectAccessible(container);
  });

  it('shows each phase and lets the user cancel before writing, but not during it', async () => {
    const gate = deferred<RollupOutcome>();
    let opts: RollupOptions | undefined;
    const rec = recordingActions((o) => {
      opts = o;
      o.signal.addEventListener('abort', () => gate.reject(new DOMException('cancelled', 'AbortError')));
      return gate.promise;
    });
    const { container } = renderPane(rec.actions);
    await ready();
    await userEvent.click(screen.getByRole('button', { name: 'Roll up' }));
    expect(screen.getByRole('button', { name: 'Roll up' })).toBeDisabled();
    act(() => opts!.onPhase({ name: 'reading', sheetCount: 7 }));
    expect(screen.getByText('Reading 7 sheets…')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    act(() => opts!.onPhase({ name: 'analysing' }));
    expect(screen.getByText('Analysing…')).toBeInTheDocument();
    await expectAccessible(container);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(opts!.signal.aborted).toBe(true);
    expect(await screen.findByText('Roll-up cancelled')).toBeInTheDocument();
    expect(screen.getByText('Nothing was written to the workbook.')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Results' })).toBeNull();
  });

  it('cannot cancel once writing has started', async () => {
    const gate = deferred<RollupOutcome>();
    let opts: RollupOptions | undefined;
    renderPane(
      recordingActions((o) => {
        opts = o;
        return gate.promise;
      }).actions,
    );
    await ready();
    await userEvent.click(screen.getByRole('button', { name: 'Roll up' }));
    act(() => opts!.onPhase({ name: 'writing' }));
    expect(screen.getByText('Writing the summary…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    await act(async () => gate.resolve(sampleOutcome()));
    expect(await screen.findByRole('region', { name: 'Results' })).toBeInTheDocument();
  });

  it('explains a cell being edited in a MessageBar and logs the debug info', async () => {
    const errorLog = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const debugInfo = { errorLocation: 'Range.values' };
    const { container } = renderPane(
      recordingActions(() => Promise.reject({ code: 'InvalidOperationInCellEditMode', message: 'The operation is not allowed in cell edit mode.', debugInfo })).actions,
    );
    await ready();
    await userEvent.click(screen.getByRole('button', { name: 'Roll up' }));
    expect(await screen.findByText('A cell is being edited')).toBeInTheDocument();
    expect(screen.getByText(/Finish editing the cell/)).toBeInTheDocument();
    expect(screen.queryByText(/cell edit mode/)).toBeNull();
    expect(errorLog).toHaveBeenCalledWith(expect.stringContaining('roll-up failed'), debugInfo);
    await expectAccessible(container);
    errorLog.mockRestore();
  });

  it('groups issues by sheet, most severe first, and selects the offending cell', async () => {
    const rec = recordingActions();
    const { container } = renderPane(rec.actions);
    await ready();
    await userEvent.click(screen.getByRole('button', { name: 'Roll up' }));
    const mobile = await screen.findByRole('region', { name: 'Issues in Mobile App' });
    const items = within(mobile).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Error.*PLT-99.*H9$/),
      expect.stringMatching(/^Warning.*31\/02\/2026.*E14$/),
    ]);
    const notes = screen.getByRole('region', { name: 'Issues in Notes' });
    expect(within(notes).getByText('Info')).toBeInTheDocument();
    await userEvent.click(within(mobile).getByRole('button', { name: 'Select cell E14 in Mobile App' }));
    await userEvent.click(within(notes).getByRole('button', { name: 'Go to sheet Notes' }));
    expect(rec.selected).toEqual([
      ['Mobile App', 'E14'],
      ['Notes', 'A1'],
    ]);
    await expectAccessible(container);
  });

  it('picks a health profile, fills its thresholds, and calls edited thresholds Custom', async () => {
    const rec = recordingActions();
    renderPane(rec.actions);
    await ready();
    const profile = screen.getByLabelText(/Health profile/) as HTMLSelectElement;
    expect(profile.value).toBe('Standard');
    await userEvent.selectOptions(profile, 'Strict');
    expect((screen.getByLabelText(/Green at SPI\/CPI/) as HTMLInputElement).value).toBe('0.98');
    expect((screen.getByLabelText(/Amber at SPI\/CPI/) as HTMLInputElement).value).toBe('0.95');
    expect((screen.getByLabelText(/Red when late by more than/) as HTMLInputElement).value).toBe('5');
    expect((screen.getByLabelText(/A late hand-off makes/) as HTMLSelectElement).value).toBe('red');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(rec.saved).toHaveLength(1));
    expect(rec.saved[0].health).toEqual({ name: 'Strict', indexGreen: 0.98, indexAmber: 0.95, finishVarianceRedFraction: 0.05, lateHandoffColor: 'red' });

    const green = screen.getByLabelText(/Green at SPI\/CPI/);
    await userEvent.clear(green);
    await userEvent.type(green, '0.97');
    expect(profile.value).toBe('Custom');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(rec.saved).toHaveLength(2));
    expect(rec.saved[1].health).toMatchObject({ name: 'Custom', indexGreen: 0.97 });
  });

  it('saves edited settings and refuses invalid ones with a message', async () => {
    const rec = recordingActions();
    renderPane(rec.actions);
    await ready();
    const slack = screen.getByLabelText(/At risk when hand-off slack/);
    await userEvent.clear(slack);
    await userEvent.type(slack, 'soon');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByText('Enter whole working days between 0 and 365.')).toBeInTheDocument();
    expect(rec.saved).toHaveLength(0);

    await userEvent.clear(slack);
    await userEvent.type(slack, '3');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Friday' }));
    await userEvent.selectOptions(screen.getByLabelText('Holiday sheet'), 'No holidays');
    await userEvent.type(screen.getByLabelText(/Status date/), '2026-04-30');
    await userEvent.type(screen.getByLabelText(/Program name/), '  Digital Customer Program ');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(rec.saved).toHaveLength(1));
    expect(rec.saved[0]).toMatchObject({ atRiskSlackDays: 3, weekendDays: [0, 5, 6], holidaySheet: null, statusDate: '2026-04-30', programName: 'Digital Customer Program' });
    expect(await screen.findByText('Saved in this workbook.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Roll up' }));
    await screen.findByRole('region', { name: 'Results' });
    expect(rec.rollups[0].settings.atRiskSlackDays).toBe(3);
  });
});
