/**
 * Renders the summary with LibreOffice headless and checks that every native chart draws something: the
 * page with one chart is compared with the same page without charts, and the difference must be a solid
 * area of ink of the chart's own colours. Slow (LibreOffice start-up), so one soffice run converts all
 * variants at once.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PNG } from 'pngjs';
import { buildWorkbookPlan } from '../../src/core/report';
import type { WorkbookPlan } from '../../src/core/report/plan';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { renderPlanToXlsx } from '../../src/xlsx/write';
import { SAMPLE_RESULT } from '../fixtures/result-sample';
import { rollup } from '../../src/core/rollup';
import { readXlsxGrids } from '../../src/xlsx/read';

function has(cmd: string): boolean {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
// Locally, a machine without LibreOffice skips this suite; CI (CI=true) installs it, so there it must run.
const canRender = (has('soffice') && has('pdftoppm')) || Boolean(process.env.CI);
if (!canRender) console.warn('Skipping the LibreOffice render test: install libreoffice-calc and poppler-utils to run it.');

interface Diff {
  count: number;
  box: { x1: number; y1: number; x2: number; y2: number };
}

function diff(a: PNG, b: PNG): Diff {
  let count = 0;
  const box = { x1: Infinity, y1: Infinity, x2: -1, y2: -1 };
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      const d = Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]);
      if (d > 60) {
        count++;
        box.x1 = Math.min(box.x1, x);
        box.y1 = Math.min(box.y1, y);
        box.x2 = Math.max(box.x2, x);
        box.y2 = Math.max(box.y2, y);
      }
    }
  return { count, box };
}

/** Pixels close to a colour ("#RRGGBB") inside a box. */
function near(png: PNG, color: string, box: Diff['box']): number {
  const r = parseInt(color.slice(1, 3), 16);
  const g = parseInt(color.slice(3, 5), 16);
  const b = parseInt(color.slice(5, 7), 16);
  let n = 0;
  for (let y = box.y1; y <= box.y2; y++)
    for (let x = box.x1; x <= box.x2; x++) {
      const i = (y * png.width + x) * 4;
      if (Math.abs(png.data[i] - r) + Math.abs(png.data[i + 1] - g) + Math.abs(png.data[i + 2] - b) < 60) n++;
    }
  return n;
}

(canRender ? describe : describe.skip)('LibreOffice render of the summary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rollup-render-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('draws every chart, each in its own area and in its own colours', async () => {
    const full = buildWorkbookPlan(SAMPLE_RESULT, DEFAULT_SETTINGS);
    const summary = full.sheets[0];
    const only = (charts: typeof summary.charts): WorkbookPlan => ({ ...full, sheets: [{ ...summary, charts }] });
    const variants: [string, WorkbookPlan][] = [['none', only([])], ['all', full], ...summary.charts.map((c): [string, WorkbookPlan] => [c.id, only([c])])];
    // The demo workbook through the real pipeline, with and without its charts.
    const { input } = await readXlsxGrids(join(__dirname, '../../examples/sample-program.xlsx'), { workbook: 'sample-program.xlsx' });
    const demo = rollup(input, DEFAULT_SETTINGS, new Date(Date.UTC(2026, 10, 20))).plan;
    const demoSummary = demo.sheets[0];
    variants.push(['demo', demo], ['demo-none', { ...demo, sheets: [{ ...demoSummary, charts: [] }] }]);
    const files: string[] = [];
    for (const [name, plan] of variants) {
      const file = join(dir, `${name}.xlsx`);
      writeFileSync(file, await renderPlanToXlsx(plan));
      files.push(file);
    }
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
      env: { ...process.env, HOME: dir }, stdio: 'ignore', timeout: 100_000,
    });
    const page = (name: string): PNG => {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', join(dir, `${name}.pdf`), join(dir, name)]);
      return PNG.sync.read(readFileSync(join(dir, `${name}.png`)));
    };
    const none = page('none');
    const all = page('all');
    // The full workbook has more pages (dependencies, risks, issues, history) and ink beyond the table.
    expect(diff(none, all).count).toBeGreaterThan(20_000);

    const boxes: Diff['box'][] = [];
    for (const c of summary.charts) {
      const one = page(c.id);
      const d = diff(none, one);
      // A chart with a frame, title and axes but no data would still differ; the colour check below catches
      // that: the series' own colours must fill a real area.
      expect({ chart: c.id, inked: d.count > 1500 }).toEqual({ chart: c.id, inked: true });
      const colours = c.series.filter((s) => s.color && !s.invisible && !s.lineOnly).map((s) => s.color!);
      const painted = colours.reduce((n, col) => n + near(one, col, d.box), 0);
      expect({ chart: c.id, painted: painted > 40 }).toEqual({ chart: c.id, painted: true });
      boxes.push(d.box);
    }
    // The demo's summary page: its charts add a large area of ink in the series' colours.
    const demoPage = page('demo');
    const demoDiff = diff(page('demo-none'), demoPage);
    expect(demoDiff.count).toBeGreaterThan(20_000);
    for (const c of demoSummary.charts) {
      const colours = c.series.filter((x) => x.color && !x.invisible && !x.lineOnly).map((x) => x.color!);
      expect({ chart: c.id, painted: colours.reduce((n, col) => n + near(demoPage, col, demoDiff.box), 0) > 40 }).toEqual({ chart: c.id, painted: true });
    }
    // Charts do not overlap on the page.
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const overlap = a.x1 < b.x2 - 2 && b.x1 < a.x2 - 2 && a.y1 < b.y2 - 2 && b.y1 < a.y2 - 2;
        expect({ pair: [summary.charts[i].id, summary.charts[j].id], overlap }).toEqual({ pair: [summary.charts[i].id, summary.charts[j].id], overlap: false });
      }
  }, 120_000);
});
