/**
 * Issue 10, the pane part: after a roll-up the pane shows how each sheet was read, and a PM corrects the
 * reading of a sheet; the correction is saved in settings.sheetMappings and used by the next roll-up.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expectAccessible, renderPane } from './render-pane';
import type { RollupSettings, SheetMapping } from '../../src/core/settings';
import { recordingActions, type Recorder } from './fake-actions';

// Generous: Fluent in jsdom is slow on a loaded two-core machine, and a timeout here says nothing about the pane.
jest.setTimeout(90_000);

/** A recorder whose workbook already holds these mappings. */
function withSavedMappings(mappings: SheetMapping[]): Recorder {
  const rec = recordingActions();
  const base = rec.actions.loadSettings;
  rec.actions = {
    ...rec.actions,
    loadSettings: async () => {
      const loaded = await base();
      return { ...loaded, settings: { ...loaded.settings, sheetMappings: mappings } };
    },
  };
  return rec;
}

/** Renders the pane, rolls up, and returns the readings section. */
async function rollUp(rec: Recorder) {
  const view = renderPane(rec.actions);
  await screen.findByRole('checkbox', { name: /Platform \(PLT\)/ });
  await userEvent.click(screen.getByRole('button', { name: 'Roll up' }));
  const section = await screen.findByRole('region', { name: 'How the sheets were read' });
  return { ...view, section };
}

/** The panel a sheet's header button opens and closes. */
function panelOf(header: HTMLElement): HTMLElement {
  const panel = document.getElementById(header.getAttribute('aria-controls') ?? '');
  if (panel === null) throw new Error(`no panel for ${header.textContent}`);
  return panel;
}

/** Opens a sheet's item and returns its panel. */
async function open(section: HTMLElement, name: RegExp) {
  const header = within(section).getByRole('button', { name });
  expect(panelOf(header)).not.toBeVisible();
  await userEvent.click(header);
  expect(header).toHaveAttribute('aria-expanded', 'true');
  expect(panelOf(header)).toBeVisible();
  return panelOf(header);
}

/** Opens a sheet's item, then its editor; returns the form. */
async function edit(section: HTMLElement, sheet: string, name: RegExp) {
  const panel = await open(section, name);
  await userEvent.click(within(panel).getByRole('button', { name: 'Correct the reading' }));
  return within(panel).getByRole('form', { name: `Correct the reading of ${sheet}` });
}

const MOBILE = /^Mobile App\s*Project MOB, 27 tasks/;
const NOTES = /^Notes\s*Skipped/;

async function retype(input: HTMLElement, text: string) {
  await userEvent.clear(input);
  if (text !== '') await userEvent.type(input, text);
}

describe('how the sheets were read', () => {
  it('lists every sheet with its verdict, collapsed, and explains a sheet when opened', async () => {
    const { container, section } = await rollUp(recordingActions());
    const headers = within(section).getAllByRole('button');
    expect(headers.map((h) => h.textContent)).toEqual([
      'PlatformProject PLT, 32 tasks',
      'Mobile AppProject MOB, 27 tasks',
      'Web AppProject WEB, 25 tasks',
      'Data WarehouseProject DWH, 21 tasks',
      'RolloutProject ROL, 18 tasks',
      'HolidaysProgram sheet',
      'NotesSkipped',
      'Risk LogRisk log for PLT, MOB',
    ]);
    for (const h of headers) expect(h).toHaveAttribute('aria-expanded', 'false');
    for (const t of within(section).getAllByText('Task IDs:')) expect(t).not.toBeVisible();

    const mobile = await open(section, MOBILE);
    expect(within(mobile).getByText('Header:').parentElement).toHaveTextContent('Header: row 7');
    expect(within(mobile).getByText('B: Task name ("Task")')).toBeVisible();
    expect(within(mobile).getByText('G: Finish ("Forecast Finish")')).toBeVisible();
    expect(within(mobile).getByText('Q "Old Finish": a second finish column; "Forecast Finish" is used')).toBeVisible();
    expect(within(mobile).getByText('Task IDs:').parentElement).toHaveTextContent('Task IDs: from the ID column');
    expect(within(mobile).getByText('F "Forecast Start": Excel dates')).toBeVisible();
    expect(within(mobile).getByText('G "Forecast Finish": d/m/yyyy (13/03/2026 = 2026-03-13 (from a day above 12))')).toBeVisible();
    expect(within(mobile).getByText('27 tasks, 1 summary row, 3 milestones, 30 links')).toBeVisible();
    expect(within(mobile).getByText('Rows 20-22: blank template rows')).toBeVisible();
    expect(within(mobile).getByText('Row 37: a label or note line (no task name, no date)')).toBeVisible();
    expect(within(mobile).getByText(/^1 summary row found by rows whose dates span/)).toBeVisible();
    // Only the opened sheet's details show.
    for (const t of within(section).getAllByText('Task IDs:')) if (!mobile.contains(t)) expect(t).not.toBeVisible();

    const notes = await open(section, NOTES);
    expect(within(notes).getByText(/^Skipped: no task table: found date columns Due \(C4\) in row 4 but no task-name column/)).toBeVisible();
    // Keyboard: Enter on a sheet's button opens it.
    const riskHeader = within(section).getByRole('button', { name: /^Risk Log/ });
    act(() => riskHeader.focus());
    await userEvent.keyboard('{Enter}');
    expect(riskHeader).toHaveAttribute('aria-expanded', 'true');
    const risks = panelOf(riskHeader);
    expect(within(risks).getByText('risk log (attached to PLT, MOB)')).toBeVisible();
    // Program sheets are recognised by name or content: there is nothing to correct.
    const holidays = await open(section, /^Holidays/);
    expect(within(holidays).getByText('program Holidays list (read as non-working days)')).toBeVisible();
    expect(within(holidays).queryByRole('button')).toBeNull();
    expect(within(section).getAllByRole('button', { name: 'Correct the reading' })).toHaveLength(3);

    // Closing an item hides it again.
    await userEvent.click(within(section).getByRole('button', { name: MOBILE }));
    expect(mobile).not.toBeVisible();
    expect(within(section).getAllByRole('button', { name: 'Correct the reading' })).toHaveLength(2);
    await expectAccessible(container);
  });

  it('pre-fills the editor from the reading and saves only the corrected column, which the next roll-up uses', async () => {
    const rec = recordingActions();
    const { container, section } = await rollUp(rec);
    const form = await edit(section, 'Mobile App', MOBILE);
    const value = (label: string) => (within(form).getByLabelText(label) as HTMLInputElement).value;
    expect([value('Header row'), value('ID'), value('Task name'), value('Start'), value('Finish'), value('Baseline start'), value('Baseline finish'), value('% complete'), value('Predecessors'), value('Project ID')])
      .toEqual(['7', 'A', 'B', 'F', 'G', 'D', 'E', 'J', 'M', 'MOB']);
    await expectAccessible(container);

    await retype(within(form).getByLabelText('Finish'), 'q');
    await userEvent.click(within(form).getByRole('button', { name: 'Save mapping' }));
    await waitFor(() => expect(rec.saved).toHaveLength(1));
    // The header row is kept with the letters it was read under; everything else stays inferred.
    expect(rec.saved[0].sheetMappings).toEqual([{ sheet: 'Mobile App', headerRow: 7, columns: { finish: 'Q' } }]);
    expect(rec.saved[0].holidaySheet).toBe('Holidays');
    expect(await within(section).findByRole('status')).toHaveTextContent('Saved. Roll up again to read Mobile App with it.');
    expect(screen.queryByRole('form', { name: 'Correct the reading of Mobile App' })).toBeNull();
    expect(within(section).getByRole('button', { name: /^Mobile App.*your mapping$/ })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Roll up' }));
    await waitFor(() => expect(rec.rollups).toHaveLength(2));
    expect(rec.rollups[1].settings.sheetMappings).toEqual([{ sheet: 'Mobile App', headerRow: 7, columns: { finish: 'Q' } }]);
  });

  it('maps a skipped sheet: header row, columns, date order and project ID', async () => {
    const rec = recordingActions();
    const { section } = await rollUp(rec);
    const form = await edit(section, 'Notes', NOTES);
    expect((within(form).getByLabelText('Header row') as HTMLInputElement).value).toBe('');
    await userEvent.type(within(form).getByLabelText('Header row'), '4');
    await userEvent.type(within(form).getByLabelText('Task name'), 'a');
    await userEvent.type(within(form).getByLabelText('Finish'), 'C');
    await userEvent.selectOptions(within(form).getByLabelText(/Date order/), 'Year/month/day');
    await userEvent.type(within(form).getByLabelText(/Project ID/), ' OPS ');
    await userEvent.click(within(form).getByRole('button', { name: 'Save mapping' }));
    await waitFor(() => expect(rec.saved).toHaveLength(1));
    expect(rec.saved[0].sheetMappings).toEqual([{ sheet: 'Notes', headerRow: 4, columns: { name: 'A', finish: 'C' }, dateOrder: 'YMD', projectId: 'OPS' }]);
  });

  it('"Not a project sheet" saves ignore: true', async () => {
    const rec = recordingActions();
    const { section } = await rollUp(rec);
    const form = await edit(section, 'Risk Log', /^Risk Log/);
    await userEvent.click(within(form).getByRole('checkbox', { name: 'Not a project sheet (skip it)' }));
    expect(within(form).getByLabelText('Header row')).toBeDisabled();
    await userEvent.click(within(form).getByRole('button', { name: 'Save mapping' }));
    await waitFor(() => expect(rec.saved).toHaveLength(1));
    expect(rec.saved[0].sheetMappings).toEqual([{ sheet: 'Risk Log', ignore: true }]);
    expect(await within(section).findByRole('status')).toHaveTextContent('Saved: Risk Log is skipped from the next roll-up.');
  });

  it('refuses invalid input in the form with plain messages and saves nothing', async () => {
    const rec = recordingActions();
    const { container, section } = await rollUp(rec);
    const form = await edit(section, 'Mobile App', MOBILE);
    const save = within(form).getByRole('button', { name: 'Save mapping' });

    await userEvent.click(save);
    expect(within(form).getByRole('alert')).toHaveTextContent('Nothing differs from how the sheet was read: change what is wrong, then save.');

    await retype(within(form).getByLabelText('Header row'), '0');
    await retype(within(form).getByLabelText('Task name'), '1A');
    await retype(within(form).getByLabelText('Start'), 'G');
    await retype(within(form).getByLabelText('ID'), '');
    await retype(within(form).getByLabelText('% complete'), 'XFE');
    await userEvent.click(save);
    expect(within(form).getByText('Enter a row number from 1 to 1048576, or leave it empty to find the header automatically.')).toBeInTheDocument();
    expect(within(form).getByText('"1A" is not a column. Use column letters such as C (A to XFD).')).toBeInTheDocument();
    expect(within(form).getByText('"XFE" is not a column. Use column letters such as C (A to XFD).')).toBeInTheDocument();
    expect(within(form).getByText('Column G is already given to Start; a column holds one field.')).toBeInTheDocument();
    expect(within(form).getByText('The ID was read from column A; give another column letter instead of none.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Task name')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(container);
    expect(rec.saved).toHaveLength(0);

    // Corrected, the same form saves.
    await retype(within(form).getByLabelText('Header row'), '7');
    await retype(within(form).getByLabelText('Task name'), 'B');
    await retype(within(form).getByLabelText('Start'), 'F');
    await retype(within(form).getByLabelText('ID'), 'A');
    await retype(within(form).getByLabelText('% complete'), 'K');
    await userEvent.click(save);
    await waitFor(() => expect(rec.saved).toHaveLength(1));
    expect(rec.saved[0].sheetMappings).toEqual([{ sheet: 'Mobile App', headerRow: 7, columns: { percent: 'K' } }]);
  });

  it('removes a saved mapping ("Go back to automatic") and keeps the others', async () => {
    const rec = withSavedMappings([
      { sheet: 'mobile app', headerRow: 7, columns: { finish: 'Q' } },
      { sheet: 'Notes', ignore: true },
    ]);
    const { section } = await rollUp(rec);
    const mobile = await open(section, /^Mobile App.*your mapping$/);
    // The editor starts from the saved mapping, not only from the (older) reading.
    await userEvent.click(within(mobile).getByRole('button', { name: 'Correct the reading' }));
    const form = within(mobile).getByRole('form', { name: 'Correct the reading of Mobile App' });
    expect((within(form).getByLabelText('Finish') as HTMLInputElement).value).toBe('Q');
    await userEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    await userEvent.click(within(mobile).getByRole('button', { name: 'Go back to automatic' }));
    await waitFor(() => expect(rec.saved).toHaveLength(1));
    expect(rec.saved[0].sheetMappings).toEqual([{ sheet: 'Notes', ignore: true }]);
    expect(await within(mobile).findByRole('status')).toHaveTextContent('Mapping removed. Roll up again to read Mobile App automatically.');
    expect(within(mobile).queryByRole('button', { name: 'Go back to automatic' })).toBeNull();
    expect(within(section).queryByRole('button', { name: /^Mobile App.*your mapping$/ })).toBeNull();
    expect(within(section).getByRole('button', { name: /^Notes.*your mapping$/ })).toBeInTheDocument();

    const notes = await open(section, /^Notes.*your mapping$/);
    await userEvent.click(within(notes).getByRole('button', { name: 'Go back to automatic' }));
    await waitFor(() => expect(rec.saved).toHaveLength(2));
    expect(rec.saved[1]).not.toHaveProperty('sheetMappings');
    expect(within(section).queryByRole('button', { name: /your mapping/ })).toBeNull();
  });

  it('lists a saved mapping whose sheet is gone, and removes it', async () => {
    const rec = withSavedMappings([
      { sheet: 'Old Plan', headerRow: 3 },
      { sheet: 'Notes', ignore: true },
    ]);
    const { container, section } = await rollUp(rec);
    expect(within(section).getByText('Old Plan')).toBeVisible();
    expect(within(section).queryByRole('button', { name: 'Remove the mapping for Notes' })).toBeNull();
    await expectAccessible(container);
    await userEvent.click(within(section).getByRole('button', { name: 'Remove the mapping for Old Plan' }));
    await waitFor(() => expect(rec.saved).toHaveLength(1));
    expect(rec.saved[0].sheetMappings).toEqual([{ sheet: 'Notes', ignore: true }]);
    expect(within(section).queryByText('Old Plan')).toBeNull();
  });

  it('a failed save shows the MessageBar and keeps the editor open with its edits', async () => {
    const errorLog = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const rec = recordingActions();
    rec.actions = { ...rec.actions, saveSettings: () => Promise.reject({ code: 'AccessDenied', message: 'denied', debugInfo: {} }) };
    const { section } = await rollUp(rec);
    const form = await edit(section, 'Mobile App', MOBILE);
    await retype(within(form).getByLabelText('Finish'), 'Q');
    await userEvent.click(within(form).getByRole('button', { name: 'Save mapping' }));
    expect(await screen.findByText('The workbook is protected')).toBeInTheDocument();
    expect((within(form).getByLabelText('Finish') as HTMLInputElement).value).toBe('Q');
    expect(within(section).queryByRole('status')).toBeNull();
    expect(errorLog).toHaveBeenCalledWith(expect.stringContaining('Saving the settings failed'), {});
    errorLog.mockRestore();
  });
});

describe('settings: date order', () => {
  it('offers year/month/day and saves it', async () => {
    const rec = recordingActions();
    renderPane(rec.actions);
    await screen.findByRole('checkbox', { name: /Platform \(PLT\)/ });
    const order = screen.getByRole('combobox', { name: /^Date order/ }) as HTMLSelectElement;
    expect(order.value).toBe('MDY');
    await userEvent.selectOptions(order, 'Year/month/day');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(rec.saved).toHaveLength(1));
    expect(rec.saved[0].dateOrder).toBe<RollupSettings['dateOrder']>('YMD');
  });
});
