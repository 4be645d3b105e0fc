/**
 * The production build of the task pane (dist/, unchanged) in headless Chromium (Debian's chromium via
 * playwright-core). office.js is requested from Microsoft's CDN as the add-in must; the machine is offline, so
 * the test answers that request itself, in one of three ways:
 * - Through Microsoft's Excel client (the roll-up flows): in place of office.js the page gets Microsoft's own
 *   Excel client library (excel-web-16.00.debug.js from @microsoft/office-js, the file tests/excel/host loads in
 *   jsdom) followed by a browser bundle of our ExcelHost (tests/e2e/office-host), seeded with the sample
 *   workbook's sheets. The pane runs its real path, index.tsx -> excel-actions.ts -> src/excel -> Microsoft's
 *   client -> host, and the test checks what the pane shows and what the host's workbook holds afterwards.
 * - With a fake actions layer (fake-excel.ts) injected before load, for what the host cannot show: each phase
 *   held for its screenshot and a fixed outcome for the README picture (the host answers at once); and the dark
 *   theme, which needs no workbook (the pane only reads Office.context.officeTheme).
 * - The npm copy of office.js itself, outside Office: the pane says to open it in Excel.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { colIndex } from '../../src/core/a1';
import type { Grid } from '../../src/core/grid';
import type { SheetPlan } from '../../src/core/report/plan';
import { rollup, type RollupOutput } from '../../src/core/rollup';
import { DEFAULT_SETTINGS, type RollupSettings } from '../../src/core/settings';
import { serializeSettings } from '../../src/core/settings-validate';
import { SETTINGS_KEY } from '../../src/excel/settings-store';
import { HEALTH_LABEL } from '../../src/taskpane/format';
import { readXlsxGrids } from '../../src/xlsx/read';
import type { FakeCell } from '../excel/fake/model';
import { SAMPLE_ANCHORS, SAMPLE_REPORT, SAMPLE_SOURCES, sampleOutcome } from '../ui/sample-outcome';
import { installFakeExcel, type FakeConfig } from './fake-excel';
import { officeJsWithHost } from './office-host/build-host';
import type { HostSeed, HostState } from './office-host/page-host';
import { serveDir } from './serve-dist';

jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '../..');
const DIST = join(ROOT, 'dist');
const OUT = join(__dirname, '__output__');
const OFFICE_DIST = join(ROOT, 'node_modules/@microsoft/office-js/dist');
const CHROMIUM = '/usr/bin/chromium';
const SAMPLE = join(ROOT, 'examples/sample-program.xlsx');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
  }
  return newest;
}

/** Rebuild unless dist/ is newer than every source file and the build config. */
function ensureBuild(): void {
  const built = join(DIST, 'taskpane.html');
  const stale = !existsSync(built) || statSync(join(DIST, 'taskpane.js')).mtimeMs < Math.max(newestMtime(join(ROOT, 'src')), statSync(join(ROOT, 'webpack.config.js')).mtimeMs);
  if (stale) execFileSync(process.execPath, [join(ROOT, 'node_modules/webpack/bin/webpack.js'), '--mode', 'production'], { cwd: ROOT, stdio: 'pipe', timeout: 300_000 });
}

const AXE = require.resolve('axe-core/axe.min.js');

/** axe-core in real Chromium (colour contrast included): no serious or critical violation may remain. */
async function expectAccessible(page: Page): Promise<void> {
  await page.addScriptTag({ path: AXE });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document);
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  })) as { id: string; impact: string | null; targets: string[] }[];
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
}

// Locally, a machine without Debian's chromium skips this suite; CI (CI=true) installs it, so there it must run.
const haveChromium = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!haveChromium) console.warn(`Skipping the task-pane browser tests: ${CHROMIUM} is missing (apt-get install chromium).`);
const describeIfChromium = haveChromium ? describe : describe.skip;

describeIfChromium('built task pane in Chromium', () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  /** Microsoft's Excel client followed by the host bundle: what the real-client pages get for office.js. */
  let officeJsOnHost: string;
  /** The sample's own sheets (its earlier roll-up left out, so the run here is the first). */
  let sampleGrids: Grid[];

  beforeAll(async () => {
    ensureBuild();
    mkdirSync(OUT, { recursive: true });
    officeJsOnHost = await officeJsWithHost();
    sampleGrids = (await readXlsxGrids(SAMPLE)).input.grids.filter((g) => g.ownedRole === undefined);
    server = await serveDir(DIST);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 320_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPane(config: FakeConfig | null): Promise<{ page: Page; pageErrors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    // Playwright waits 30 s per action by default; a loaded 2-core CI machine can need longer.
    page.setDefaultTimeout(90_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Serve Microsoft's CDN from the npm package; anything else off-machine is refused.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === 'appsforoffice.microsoft.com') {
        const file = join(OFFICE_DIST, url.pathname.replace(/^\/lib\/1\/hosted\//, ''));
        if (file.startsWith(OFFICE_DIST) && existsSync(file) && statSync(file).isFile()) return route.fulfill({ path: file, contentType: 'text/javascript' });
      }
      return route.fulfill({ status: 404, body: '' });
    });
    if (config) await page.addInitScript(installFakeExcel, config);
    await page.goto(`${server.url}/taskpane.html`);
    return { page, pageErrors };
  }

  const config = (over: Partial<FakeConfig> = {}): FakeConfig => ({
    outcome: sampleOutcome(),
    sources: SAMPLE_SOURCES,
    settings: DEFAULT_SETTINGS,
    phaseMs: 400,
    officeTheme: null,
    ...over,
  });

  test('outside Office it says to open the add-in in Excel', async () => {
    const { page, pageErrors } = await openPane(null);
    await page.getByRole('heading', { name: 'Open this in Excel' }).waitFor({ timeout: 60_000 });
    const link = page.getByRole('link', { name: /README/ });
    expect(await link.getAttribute('href')).toMatch(/README|readme/);
    // The link must resolve on the server that hosts the pane (the build ships README.md beside it).
    const readmeUrl = new URL((await link.getAttribute('href')) as string, page.url()).href;
    const readme = await page.request.get(readmeUrl);
    expect(readme.status()).toBe(200);
    expect(await readme.text()).toContain('# Program Rollup');
    await page.screenshot({ path: join(OUT, 'outside-office.png'), fullPage: true });
    await expectAccessible(page);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  // On the fake: each phase is held for its screenshot, and the fixed outcome makes the README picture.
  test('rolls up through the phases, shows results and issues, and selects an issue cell', async () => {
    const { page, pageErrors } = await openPane(config({ phaseMs: 'manual' }));
    const step = () => page.evaluate(() => (window as unknown as { __FAKE_STEP__(): void }).__FAKE_STEP__());
    await page.getByRole('checkbox', { name: 'Platform (PLT)' }).waitFor();
    await page.getByRole('button', { name: 'Roll up', exact: true }).click();
    await page.getByText('Reading 8 sheets…').waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(1);
    await step();
    await page.getByText('Analysing…').waitFor();
    await page.screenshot({ path: join(OUT, 'progress.png') });
    await expectAccessible(page);
    await step();
    await page.getByText(/Writing/).waitFor();
    await step();
    const results = page.getByRole('region', { name: 'Results' });
    await results.waitFor();
    expect(await results.getByText('Amber', { exact: true }).isVisible()).toBe(true);
    expect(await results.getByRole('button', { name: /^Mobile App.*health Red$/ }).isVisible()).toBe(true);
    await page.screenshot({ path: join(OUT, 'pane-full.png'), fullPage: true });
    // The README shows the part a PM looks at after a roll-up: results down to the end of the issues.
    const issuesBox = await page.getByRole('region', { name: 'Issues (3)' }).boundingBox();
    expect(issuesBox).not.toBeNull();
    await page.screenshot({ path: join(OUT, 'results.png'), fullPage: true, clip: { x: 0, y: 0, width: 320, height: Math.ceil(issuesBox!.y + issuesBox!.height + 12) } });
    copyFileSync(join(OUT, 'results.png'), join(ROOT, 'docs/images/taskpane.png'));
    await expectAccessible(page);

    const issue = page.getByRole('button', { name: 'Select cell E14 in Mobile App' });
    await issue.scrollIntoViewIfNeeded();
    await page.getByRole('region', { name: 'Issues in Mobile App' }).screenshot({ path: join(OUT, 'issues.png') });
    await issue.click();
    // A project row selects the project's ID cell in the summary; the icon beside it opens the PM's sheet.
    await results.getByRole('button', { name: /^Mobile App.*health Red$/ }).click();
    await results.getByRole('button', { name: 'Open sheet Mobile App' }).click();
    const calls = (await page.evaluate(() => (window as unknown as { __FAKE_CALLS__: unknown[] }).__FAKE_CALLS__)) as unknown[][];
    expect(SAMPLE_ANCHORS.projects.MOB).toEqual({ role: 'summary', cell: 'A13' });
    expect(calls.filter((c) => c[0] !== 'rollUp')).toEqual([
      ['selectCell', 'Mobile App', 'E14'],
      ['goTo', SAMPLE_REPORT.sheetNames.summary, 'A13'],
      ['goTo', 'Mobile App', 'A1'],
    ]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test('follows a dark Office theme', async () => {
    const { page } = await openPane(config({ officeTheme: { bodyBackgroundColor: '#1F1F1F' } }));
    await page.getByRole('checkbox', { name: 'Platform (PLT)' }).waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider') as Element).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await page.screenshot({ path: join(OUT, 'dark.png') });
    await expectAccessible(page);
    await page.close();
  });

  // ---------- through Microsoft's Excel client and the test host ----------

  /** The clock in the page (the pane's roll-up stamps "now"); the status date is fixed by the settings. */
  const NOW = new Date('2026-11-09T09:00:00Z');
  const SETTINGS: RollupSettings = { ...DEFAULT_SETTINGS, programName: 'Digital Customer Program', statusDate: '2026-11-06' };

  /** What Excel on the web reports today (ExcelApi 1.17), with the sets Microsoft's client asks for itself. */
  const REQUIREMENT_SETS: Record<string, string> = { ExcelApi: '1.17', DelayForCellEdit: '1.1', RichApiRuntime: '1.2', RichApiRuntimeFlag: '1.2' };

  function hostSeed(over: Partial<HostSeed> = {}): HostSeed {
    return {
      sheets: sampleGrids.map((g) => ({ name: g.sheet, values: g.values })),
      settings: { [SETTINGS_KEY]: serializeSettings(SETTINGS) },
      setting: 'web',
      platform: 'OfficeOnline',
      requirementSets: REQUIREMENT_SETS,
      cellEditMode: false,
      maxRequestBytes: null,
      failOn: null,
      ...over,
    };
  }

  async function openPaneOnHost(seed: HostSeed): Promise<{ page: Page; pageErrors: string[]; state(): Promise<HostState> }> {
    const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    page.setDefaultTimeout(90_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.clock.setFixedTime(NOW);
    // office.js from the CDN: Microsoft's Excel client plus the host; anything else off-machine is refused.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === 'appsforoffice.microsoft.com' && url.pathname === '/lib/1/hosted/office.js') {
        return route.fulfill({ body: officeJsOnHost, contentType: 'text/javascript' });
      }
      return route.fulfill({ status: 404, body: '' });
    });
    await page.addInitScript((s) => {
      (window as unknown as { __EXCEL_HOST_SEED__: unknown }).__EXCEL_HOST_SEED__ = s;
    }, seed);
    await page.goto(`${server.url}/taskpane.html`);
    // The real path: the test hook for a fake actions layer (see index.tsx) is not set.
    expect(await page.evaluate(() => '__PROGRAM_ROLLUP_FAKE_EXCEL__' in window)).toBe(false);
    const state = () => page.evaluate(() => (window as unknown as { __EXCEL_HOST_STATE__(): HostState }).__EXCEL_HOST_STATE__());
    return { page, pageErrors, state };
  }

  const escapeRe = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  /** Polls `read` until it gives `want` (or 30 s pass), and returns the last reading. */
  async function until<T>(read: () => Promise<T>, want: T): Promise<T> {
    const end = Date.now() + 30_000;
    let got = await read();
    while (got !== want && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 100));
      got = await read();
    }
    return got;
  }

  /** The cells a seeded sheet holds: exactly its non-empty values, nothing else (no format, no formula). */
  function seededCells(values: Grid['values']): [string, FakeCell][] {
    const out: [string, FakeCell][] = [];
    values.forEach((row, r) => row.forEach((value, c) => value !== null && value !== '' && out.push([`${r},${c}`, { value }])));
    return out.sort(([a], [b]) => a.localeCompare(b));
  }

  function sheetState(state: HostState, name: string): HostState['sheets'][number] {
    const sheet = state.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name} in the host (have ${state.sheets.map((s) => s.name).join(', ')})`);
    return sheet;
  }

  /** The PM's sheets in the host hold exactly what was seeded, cell for cell. */
  function expectProjectSheetsUntouched(state: HostState): void {
    for (const g of sampleGrids) {
      const sheet = sheetState(state, g.sheet);
      const cells = [...sheet.cells].sort(([a], [b]) => a.localeCompare(b));
      expect({ sheet: g.sheet, visibility: sheet.visibility, cells, charts: sheet.charts.length, tables: sheet.tables.length, conditionalFormats: sheet.conditionalFormats, merges: sheet.merges }).toEqual({
        sheet: g.sheet,
        visibility: 'Visible',
        cells: seededCells(g.values),
        charts: 0,
        tables: 0,
        conditionalFormats: 0,
        merges: [],
      });
    }
  }

  /** Zero-based row and column of an A1 address's first cell ("Sheet!$B$3:D9" -> 2, 1). */
  function cellAt(address: string): { row: number; col: number } {
    const m = /^\$?([A-Z]+)\$?(\d+)/.exec(address.slice(address.lastIndexOf('!') + 1));
    const col = m ? colIndex(m[1]) : null;
    if (!m || col === null) throw new Error(`unexpected address ${address}`);
    return { row: Number(m[2]) - 1, col };
  }

  /** What each cell of the plan (computed here in Node from the same sheets) became in the host's sheet. */
  function expectSheetHoldsPlan(sheet: HostState['sheets'][number], plan: SheetPlan): number {
    const cells = new Map(sheet.cells);
    const mismatches: string[] = [];
    let compared = 0;
    for (const block of plan.blocks) {
      const { row: row0, col: col0 } = cellAt(block.address);
      block.values.forEach((row, r) =>
        row.forEach((want, c) => {
          const got = cells.get(`${row0 + r},${col0 + c}`);
          compared += 1;
          const ok =
            want === null || want === ''
              ? got === undefined || got.value === null || got.value === ''
              : typeof want === 'object'
                ? got?.formula === want.formula
                : got?.value === want;
          if (!ok) mismatches.push(`${plan.name}!R${row0 + r + 1}C${col0 + c + 1}: want ${JSON.stringify(want)}, host has ${JSON.stringify(got)}`);
        }),
      );
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    return compared;
  }

  /** The sheets the roll-up wrote hold, cell for cell, what the core plans in Node for the same sheets. */
  function expectWorkbookHoldsPlan(state: HostState, expected: RollupOutput): void {
    const planNames = expected.plan.sheets.map((p) => p.name);
    expect(planNames).toContain('Program Summary');
    expect(state.sheets.map((s) => s.name)).toEqual([...sampleGrids.map((g) => g.sheet), ...planNames]);
    expect(state.sheets.filter((s) => /^~PR_new_/.test(s.name))).toEqual([]);
    expect(state.names.filter((n) => n.startsWith('PR_OWNED_')).sort()).toEqual(expected.plan.sheets.map((p) => `PR_OWNED_${p.role}`).sort());
    // Every figure, label and formula of every written sheet; its charts (title, series, and the axis number
    // formats that need ExcelApi 1.8, so Office.context's requirement sets reached the writer) and tables.
    let compared = 0;
    for (const plan of expected.plan.sheets) {
      const sheet = sheetState(state, plan.name);
      compared += expectSheetHoldsPlan(sheet, plan);
      expect({ sheet: plan.name, charts: sheet.charts.map((c) => [c.title, c.series.length, c.valueAxis.numberFormat ?? null]), tables: sheet.tables.map((t) => t.name) }).toEqual({
        sheet: plan.name,
        charts: plan.charts.map((c) => [c.title, c.series.length, c.valueAxis?.numberFormat ?? null]),
        tables: plan.tables.map((t) => t.name),
      });
    }
    expect(compared).toBeGreaterThan(500);
    const summary = sheetState(state, 'Program Summary');
    expect(summary.charts.length).toBeGreaterThan(0);
    expect(state.sheets.some((sh) => sh.charts.some((c) => c.valueAxis.numberFormat))).toBe(true);
    // Each project's ID where the pane's project row will select it.
    for (const p of expected.result.projects) {
      const anchor = expected.plan.anchors.projects[p.id];
      expect(anchor?.role).toBe('summary');
      const at = cellAt(anchor.cell);
      expect(summary.cells.find(([k]) => k === `${at.row},${at.col}`)?.[1].value).toBe(p.id);
    }
  }

  test('rolls up the sample through Microsoft\'s Excel client into the host workbook', async () => {
    const expected: RollupOutput = rollup({ grids: sampleGrids }, SETTINGS, NOW);
    const started = Date.now();
    // Excel on Windows: no payload limit, the desktop write budget.
    const { page, pageErrors, state } = await openPaneOnHost(hostSeed({ setting: 'desktop', platform: 'PC' }));
    // The sources come from the host through listSourcesInWorkbook (the core's reading of each sheet).
    for (const p of expected.result.projects) await page.getByRole('checkbox', { name: `${p.sheet} (${p.id})` }).waitFor();
    const before = await state();
    expect(before.sheets.map((s) => s.name)).toEqual(sampleGrids.map((g) => g.sheet));
    const contextsBefore = before.contexts.length;
    expect(contextsBefore).toBeGreaterThanOrEqual(2); // settings and sources, each its own Excel.run

    await page.getByRole('button', { name: 'Roll up', exact: true }).click();
    const results = page.getByRole('region', { name: 'Results' });
    await results.waitFor();
    const after = await state();

    // The workbook: the PM sheets as they were, then the plan's sheets under their names, marked as ours, no
    // staging sheet left, and the summary active.
    expectProjectSheetsUntouched(after);
    expectWorkbookHoldsPlan(after, expected);
    expect(after.activeSheet).toBe('Program Summary');

    // The requests: all through Excel.run with delayForCellEdit, none refused; the roll-up's own run reads in
    // 2 syncs and writes in at most 4 (desktop budget).
    expect(after.runOptions.every((o) => o.delayForCellEdit === true)).toBe(true);
    expect(after.contexts.flatMap((c) => c.errorPerSync).filter((e) => e !== null)).toEqual([]);
    const rollupRun = after.contexts.slice(contextsBefore).reduce((a, b) => (b.syncCount > a.syncCount ? b : a));
    expect(rollupRun.syncCount - 2).toBeGreaterThanOrEqual(1);
    expect(rollupRun.syncCount - 2).toBeLessThanOrEqual(4);

    // The pane: the program's health and every project's, as the core computed them.
    expect(await results.getByText(`as of ${SETTINGS.statusDate}`).isVisible()).toBe(true);
    expect(await results.getByText(HEALTH_LABEL[expected.result.program.health], { exact: true }).first().isVisible()).toBe(true);
    expect(await results.getByRole('heading', { name: `Projects (${expected.result.projects.length})` }).isVisible()).toBe(true);
    for (const p of expected.result.projects) {
      expect(await results.getByRole('button', { name: new RegExp(`^${escapeRe(p.name)}.*health ${HEALTH_LABEL[p.health]}$`) }).isVisible()).toBe(true);
    }
    await page.screenshot({ path: join(OUT, 'real-client-results.png'), fullPage: true });

    // Navigation goes through the client too: the icon opens the PM's sheet, the row its line in the summary.
    const target = expected.result.projects[expected.result.projects.length - 1];
    await results.getByRole('button', { name: `Open sheet ${target.sheet}` }).click();
    const activeSheet = () => page.evaluate(() => (window as unknown as { __EXCEL_HOST_STATE__(): HostState }).__EXCEL_HOST_STATE__().activeSheet);
    expect(await until(activeSheet, target.sheet)).toBe(target.sheet);
    await results.getByRole('button', { name: new RegExp(`^${escapeRe(target.name)}.*health`) }).click();
    expect(await until(activeSheet, 'Program Summary')).toBe('Program Summary');
    expect(pageErrors).toEqual([]);
    console.log(`e2e real client: roll-up of ${sampleGrids.length} sheets through Microsoft's client in ${Date.now() - started} ms (${rollupRun.syncCount} syncs)`);
    await page.close();
  });

  test('on Excel on the web it waits out a cell edit and splits a write over the request limit', async () => {
    const expected: RollupOutput = rollup({ grids: sampleGrids }, SETTINGS, NOW);
    // The user is editing a cell the whole time, and Excel refuses requests over 256 KB (its limit is 5 MB;
    // lowered so the sample's summary, about 600 KB in one request, meets it).
    const limit = 256 * 1024;
    const { page, pageErrors, state } = await openPaneOnHost(hostSeed({ cellEditMode: true, maxRequestBytes: limit }));
    const first = expected.result.projects[0];
    await page.getByRole('checkbox', { name: `${first.sheet} (${first.id})` }).waitFor();
    const contextsBefore = (await state()).contexts.length;
    await page.getByRole('button', { name: 'Roll up', exact: true }).click();
    const results = page.getByRole('region', { name: 'Results' });
    await results.waitFor();
    const after = await state();

    // Every request waited for the edit to end (delayForCellEdit) instead of failing.
    const syncs = after.contexts.reduce((n, c) => n + c.syncCount, 0);
    expect(after.delayedForCellEdit).toBe(syncs);
    expect(after.contexts.flatMap((c) => c.errorPerSync)).not.toContain('InvalidOperationInCellEditMode');
    // The roll-up's run: 2 reads, write requests (some refused as too large, then sent again in parts), and the
    // activation on its own (the web ignores activating a sheet added in the same request).
    const rollupRun = after.contexts.slice(contextsBefore).reduce((a, b) => (b.syncCount > a.syncCount ? b : a));
    const writes = rollupRun.errorPerSync.slice(2, -1);
    expect(writes.filter((e) => e === 'RequestPayloadSizeLimitExceeded').length).toBeGreaterThan(0);
    expect(writes.filter((e) => e !== null && e !== 'RequestPayloadSizeLimitExceeded')).toEqual([]);
    expect(rollupRun.requestBytesPerSync.filter((_b, i) => rollupRun.errorPerSync[i] === null).every((b) => b <= limit)).toBe(true);
    const parts = writes.filter((e) => e === null).length;
    expect(parts).toBeGreaterThan(1);
    expectProjectSheetsUntouched(after);
    expectWorkbookHoldsPlan(after, expected);
    expect(after.activeSheet).toBe('Program Summary');
    // The pane says the summary went in parts, as many as the host accepted.
    expect(await results.getByText(`The summary was large, so it was written in ${parts} parts.`).isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
    console.log(`e2e real client, web: ${rollupRun.syncCount} syncs, ${parts} write parts, ${writes.length - parts} refused`);
    await page.close();
  });

  test('a cell being edited in an Excel that cannot wait shows a plain error, and the pane rolls up once it ends', async () => {
    // An Excel without the DelayForCellEdit set: Microsoft's client drops Excel.run's delayForCellEdit flag, so a
    // request made while the user edits a cell is refused (InvalidOperationInCellEditMode).
    const older = Object.fromEntries(Object.entries(REQUIREMENT_SETS).filter(([name]) => name !== 'DelayForCellEdit'));
    const { page, pageErrors, state } = await openPaneOnHost(hostSeed({ requirementSets: older }));
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    const first = rollup({ grids: sampleGrids }, SETTINGS, NOW).result.projects[0];
    await page.getByRole('checkbox', { name: `${first.sheet} (${first.id})` }).waitFor();
    const editing = (on: boolean) =>
      page.evaluate((value) => {
        (window as unknown as { __EXCEL_HOST__: { cellEditMode: boolean } }).__EXCEL_HOST__.cellEditMode = value;
      }, on);
    await editing(true);
    await page.getByRole('button', { name: 'Roll up', exact: true }).click();
    await page.getByText('A cell is being edited').waitFor();
    expect(await page.getByText(/Finish editing the cell/).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Roll up', exact: true }).isEnabled()).toBe(true);
    expect(consoleErrors.some((t) => t.includes('roll-up failed'))).toBe(true);
    const refused = await state();
    expect(refused.runOptions.every((o) => o.delayForCellEdit === true)).toBe(true);
    expect(refused.contexts.flatMap((c) => c.flagsPerSync).some((f) => (f & 64) !== 0)).toBe(false);
    expect(refused.contexts.flatMap((c) => c.errorPerSync)).toContain('InvalidOperationInCellEditMode');
    expect(refused.sheets.map((s) => s.name)).toEqual(sampleGrids.map((g) => g.sheet));
    expectProjectSheetsUntouched(refused);
    await page.screenshot({ path: join(OUT, 'error.png'), fullPage: false });
    await expectAccessible(page);

    // The user leaves the cell: the same button now rolls up.
    await editing(false);
    await page.getByRole('button', { name: 'Roll up', exact: true }).click();
    await page.getByRole('region', { name: 'Results' }).waitFor();
    expect((await state()).sheets.map((s) => s.name)).toContain('Program Summary');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test('a write Excel refuses through the real client shows a plain error and leaves the workbook as it was', async () => {
    // Excel on the web fails the first chart the writer adds (GeneralException), mid-write.
    const { page, pageErrors, state } = await openPaneOnHost(hostSeed({ failOn: 'charts.add' }));
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    const first = rollup({ grids: sampleGrids }, SETTINGS, NOW).result.projects[0];
    await page.getByRole('checkbox', { name: `${first.sheet} (${first.id})` }).waitFor();
    await page.getByRole('button', { name: 'Roll up', exact: true }).click();
    await page.getByText('Excel reported an error').waitFor();
    expect(await page.getByText(/The workbook was left as it was before this roll-up\./).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Results' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Roll up', exact: true }).isEnabled()).toBe(true);
    expect(consoleErrors.some((t) => t.includes('roll-up failed'))).toBe(true);

    const after = await state();
    expect(after.failedActions.length).toBeGreaterThan(0);
    // The refused request reached the host as Microsoft's client sent it, and the writer undid its staging.
    expect(after.contexts.flatMap((c) => c.errorPerSync)).toContain('GeneralException');
    expect(after.sheets.map((s) => s.name)).toEqual(sampleGrids.map((g) => g.sheet));
    expectProjectSheetsUntouched(after);
    expect(pageErrors).toEqual([]);
    await page.screenshot({ path: join(OUT, 'real-client-error.png') });
    await page.close();
  });
});
