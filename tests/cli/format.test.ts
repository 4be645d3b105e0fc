import { formatIssueTable, countBySeverity } from '../../src/cli/format';
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
