import { formatIssueTable, formatSummary, countBySeverity } from '../../src/cli/format';
import type { RollupResult } from '../../src/core/result';
import { issue } from '../../src/core/issues';

describe('formatIssueTable', () => {
  const issues = [
    issue('info', 'X', 'Web App', 'E28', 'An info.'),
    issue('error', 'Y', 'Platform', 'C7', 'An error.'),
    issue('warning', 'Z', 'Data Warehouse', null, 'A sheet-level warning.'),
  ];

  it('lists errors first, with sheet!cell, in aligned columns', () => {
    const lines = formatIssueTable(issues).split('\n');
    expect(lines[0]).toMatch(/^SEVERITY\s+WHERE\s+MESSAGE$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/))).toEqual([
      ['ERROR', 'Platform!C7', 'An error.'],
      ['WARNING', 'Data Warehouse', 'A sheet-level warning.'],
      ['INFO', 'Web App!E28', 'An info.'],
    ]);
    const messages = ['MESSAGE', 'An error.', 'A sheet-level warning.', 'An info.'];
    const messageColumn = lines.map((l, i) => l.lastIndexOf(messages[i]));
    expect(new Set(messageColumn).size).toBe(1);
  });

  it('prints nothing when there is nothing to say, and counts by severity', () => {
    expect(formatIssueTable([])).toBe('');
    expect(countBySeverity(issues)).toEqual({ error: 1, warning: 1, info: 1 });
  });
});

describe('formatSummary', () => {
  // Only the fields the summary reads; the full result is covered end to end in cli.test.ts.
  const result = (projectCount: number): RollupResult =>
    ({
      statusDate: '2026-11-13',
      program: { health: 'red', healthReason: 'Red: CPI 0.80 < 0.90', spi: 0.9, cpi: 0.8, svtDays: -4.25, eac: 1250000, bac: 1000000, baselineFinish: '2027-01-01', forecastFinish: '2027-02-01', finishVarianceDays: 21 },
      projects: Array.from({ length: projectCount }, (_, i) => ({ id: `P${i + 1}` })),
      dependencies: [
        { status: 'late', from: 'A:1', to: 'B:2', type: 'FS', lagDays: 2, fromName: 'Build', toName: 'Test', slackDays: -3 },
        { status: 'ok', from: 'A:2', to: 'B:3', type: 'FS', lagDays: 0, fromName: 'x', toName: 'y', slackDays: 4 },
      ],
      issues: [issue('warning', 'W', 'S', 'A1', 'w')],
    }) as unknown as RollupResult;

  it('says what was found, how healthy it is, what is late and where the file went', () => {
    const text = formatSummary(result(2), ['a.xlsx'], 'out/x.xlsx');
    expect(text).toContain('2 projects found in a.xlsx (P1, P2)');
    expect(text).toContain('Program health: RED (CPI 0.80 < 0.90)');
    expect(text).toContain('SPI 0.90  CPI 0.80  SV(t) -4.3 d  EAC $1,250,000 vs BAC $1,000,000');
    expect(text).toContain('Finish: baseline 2027-01-01, forecast 2027-02-01 (+21 working days)');
    expect(text).toContain('Late hand-offs: 1:\n  A:1 -> B:2 FS+2d: Build -> Test, slack -3 d');
    expect(text).toContain('Issues: 0 errors, 1 warnings, 0 notes');
    expect(text).toMatch(/Summary workbook written to out\/x\.xlsx$/);
  });

  it('names at most eight projects', () => {
    expect(formatSummary(result(100), ['big.xlsx'], null)).toContain('(P1, P2, P3, P4, P5, P6, P7, P8 and 92 more)');
  });
});
