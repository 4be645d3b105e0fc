/**
 * Runs in the page, right after Microsoft's client script (both are served in place of office.js): it seeds our
 * ExcelHost with the workbook the test passed in `window.__EXCEL_HOST_SEED__`, makes the global Excel.run go
 * through the client to that host (the seam in tests/excel/host/client.ts), and stands in for the parts of
 * Office that only a real host provides: Office.onReady, Office.HostType/PlatformType and Office.context
 * (platform, requirement sets, languages; through OSF._OfficeAppFactory, where office.js would put it). Everything else — proxies, load/sync, request serialisation,
 * error objects — is Microsoft's client; the pane bundle above it is the production build, unchanged.
 *
 * The test reads the host back through `window.__EXCEL_HOST_STATE__()` (plain data, no Maps), and changes it
 * mid-test through `window.__EXCEL_HOST__` (e.g. the user starts editing a cell).
 */
import { ExcelHost, type HostSetting } from '../../excel/host/excel-host';
import { fillSheet, newSheet, type FakeCell, type FakeCellValue, type FakeChart, type FakeTable } from '../../excel/fake/model';

export interface HostSeed {
  sheets: { name: string; values: FakeCellValue[][] }[];
  /** Workbook settings (context.workbook.settings) by key. */
  settings: Record<string, unknown>;
  /** Payload limits of Excel on the web, or none (desktop). */
  setting: HostSetting;
  /** What Office.context.platform says (PC = Excel on Windows). */
  platform: 'PC' | 'OfficeOnline';
  /**
   * The requirement sets Office.context.requirements reports, by name, each with its highest version. Microsoft's
   * client asks it too: without DelayForCellEdit it drops Excel.run's delayForCellEdit flag (an older Excel),
   * without RichApiRuntimeFlag some request flags.
   */
  requirementSets: Record<string, string>;
  cellEditMode: boolean;
  /** Lowers Excel on the web's 5 MB request limit (bytes), so a small workbook can meet it; null keeps it. */
  maxRequestBytes: number | null;
  /** Every action with this label ("kind.method", e.g. "charts.add") fails with GeneralException. */
  failOn: string | null;
}

export interface HostState {
  sheets: { name: string; visibility: string; cells: [string, FakeCell][]; charts: FakeChart[]; tables: FakeTable[]; conditionalFormats: number; merges: string[] }[];
  names: string[];
  settings: [string, unknown][];
  activeSheet: string | null;
  contexts: { syncCount: number; errorPerSync: (string | null)[]; flagsPerSync: number[]; requestBytesPerSync: number[]; responseBytesPerSync: number[] }[];
  runOptions: Excel.RunOptions[];
  delayedForCellEdit: number;
  failedActions: string[];
}

type Win = Window & Record<string, unknown>;

function versionAtMost(version: string, max: string): boolean {
  const [a, b] = [version, max].map((v) => v.split('.').map(Number));
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  }
  return true;
}

function install(seed: HostSeed): void {
  const w = window as unknown as Win;
  const host = new ExcelHost(seed.sheets.map((s) => fillSheet(newSheet(s.name), s.values)), { setting: seed.setting });
  for (const [key, value] of Object.entries(seed.settings)) host.model.settings.set(key, value);
  host.cellEditMode = seed.cellEditMode;
  if (seed.maxRequestBytes !== null) host.maxRequestBytes = seed.maxRequestBytes;
  const failedActions: string[] = [];
  if (seed.failOn) {
    host.failOn = (label) => {
      if (label !== seed.failOn) return false;
      failedActions.push(label);
      return true;
    };
  }
  host.installGlobals();

  // The parts of Office a host provides (office.js learns them from Excel; here the host answers).
  const office = w.Office as Record<string, unknown> | undefined;
  if (!office) throw new Error('Office.js seam moved: the client script no longer defines Office');
  const info = { host: 'Excel', platform: seed.platform };
  office.HostType = { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' };
  office.PlatformType = { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' };
  // Office.context is a getter (not writable) that asks office.js's app factory, which office.js itself
  // creates from what the host says; the client script alone has none, so this stands in for it.
  const context = {
    platform: seed.platform,
    contentLanguage: 'en-US',
    displayLanguage: 'en-US',
    requirements: {
      isSetSupported: (name: string, version?: string) => name in seed.requirementSets && versionAtMost(version ?? '1.1', seed.requirementSets[name]),
    },
  };
  const osf = w.OSF as Record<string, unknown> | undefined;
  if (!osf) throw new Error('Office.js seam moved: the client script no longer defines OSF');
  if (osf._OfficeAppFactory) throw new Error('page-host: OSF._OfficeAppFactory is already set (office.js loaded?)');
  osf._OfficeAppFactory = {
    getContext: () => context,
    getHostInfo: () => ({ hostType: 'excel', hostPlatform: seed.platform === 'PC' ? 'win32' : 'web', isDialog: false }),
  };
  if ((office.context as { platform?: unknown } | undefined)?.platform !== seed.platform) {
    throw new Error('Office.js seam moved: Office.context no longer comes from OSF._OfficeAppFactory.getContext()');
  }
  office.onReady = (callback?: (i: typeof info) => void) => {
    callback?.(info);
    return Promise.resolve(info);
  };

  w.__EXCEL_HOST__ = host;
  w.__EXCEL_HOST_STATE__ = (): HostState => {
    const byId = new Map(host.model.sheets.map((s) => [s.id, s.name]));
    return {
      sheets: host.model.sheets.map((s) => ({ name: s.name, visibility: s.visibility, cells: [...s.cells.entries()], charts: s.charts, tables: s.tables, conditionalFormats: s.conditionalFormats.length, merges: s.merges })),
      names: host.model.names.map((n) => n.name),
      settings: [...host.model.settings.entries()],
      activeSheet: host.model.activeSheetId === null ? null : (byId.get(host.model.activeSheetId) ?? null),
      contexts: host.contexts.map((c) => ({
        syncCount: c.syncCount,
        errorPerSync: [...c.errorPerSync],
        flagsPerSync: [...c.flagsPerSync],
        requestBytesPerSync: [...c.requestBytesPerSync],
        responseBytesPerSync: [...c.responseBytesPerSync],
      })),
      runOptions: host.runOptions,
      delayedForCellEdit: host.delayedForCellEdit,
      failedActions,
    };
  };
}

const seed = (window as unknown as Win).__EXCEL_HOST_SEED__ as HostSeed | undefined;
if (!seed) throw new Error('page-host: window.__EXCEL_HOST_SEED__ is missing (set it with page.addInitScript before load)');
install(seed);
