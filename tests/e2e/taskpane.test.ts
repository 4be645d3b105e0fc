/**
 * The production build of the task pane in headless Chromium (Debian's chromium via playwright-core).
 * office.js is requested from Microsoft's CDN as the add-in must; the test serves the npm copy instead, as the
 * machine is offline. Inside "Excel" the pane is driven by a fake injected before load.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { SAMPLE_ANCHORS, SAMPLE_REPORT, SAMPLE_SOURCES, sampleOutcome } from '../ui/sample-outcome';
import { installFakeExcel, type FakeConfig } from './fake-excel';
import { serveDir } from './serve-dist';

jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '../..');
const DIST = join(ROOT, 'dist');
const OUT = join(__dirname, '__output__');
const OFFICE_DIST = join(ROOT, 'node_modules/@microsoft/office-js/dist');
const CHROMIUM = '/usr/bin/chromium';

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

  beforeAll(async () => {
    ensureBuild();
    mkdirSync(OUT, { recursive: true });
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
    failWith: null,
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

  test('a cell being edited shows a plain error and the pane stays usable', async () => {
    const failWith = { code: 'InvalidOperationInCellEditMode', message: 'The operation is not allowed in cell edit mode.', debugInfo: { errorLocation: 'Workbook.worksheets' } };
    const { page } = await openPane(config({ failWith }));
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.getByRole('checkbox', { name: 'Platform (PLT)' }).waitFor();
    await page.getByRole('button', { name: 'Roll up', exact: true }).click();
    await page.getByText('A cell is being edited').waitFor();
    expect(await page.getByText(/Finish editing the cell/).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Roll up', exact: true }).isEnabled()).toBe(true);
    expect(consoleErrors.some((t) => t.includes('roll-up failed'))).toBe(true);
    await page.screenshot({ path: join(OUT, 'error.png'), fullPage: false });
    await expectAccessible(page);
    await page.close();
  });
});
