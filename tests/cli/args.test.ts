import { parseArgs, DEFAULT_OUT } from '../../src/cli/args';

describe('parseArgs', () => {
  it('takes several inputs and every option, in either --opt value or --opt=value form', () => {
    expect(parseArgs(['a.xlsx', 'b.xlsx', '--out', 'o.xlsx', '--json=-', '--status-date', '2026-11-13', '--program-name', ' Customer Platform ',
      '--date-order', 'dmy', '--mapping=m.json', '--explain'])).toEqual({
      ok: true,
      options: {
        inputs: ['a.xlsx', 'b.xlsx'], out: 'o.xlsx', outDefaulted: false, json: '-', statusDate: '2026-11-13', programName: 'Customer Platform',
        dateOrder: 'DMY', mapping: 'm.json', previous: null, explain: true, force: false, help: false,
      },
    });
  });

  it('takes --previous FILE, and refuses it without a file', () => {
    const parsed = parseArgs(['a.xlsx', '--previous', 'old-summary.xlsx']);
    expect(parsed.ok && parsed.options.previous).toBe('old-summary.xlsx');
    const missing = parseArgs(['a.xlsx', '--previous']);
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.message).toMatch(/--previous needs an earlier summary workbook/);
  });

  it('writes the default workbook unless only JSON was asked for', () => {
    const plain = parseArgs(['a.xlsx']);
    const jsonOnly = parseArgs(['a.xlsx', '--json', 'r.json']);
    expect(plain.ok && plain.options.out).toBe(DEFAULT_OUT);
    expect(jsonOnly.ok && jsonOnly.options.out).toBeNull();
    const explainOnly = parseArgs(['a.xlsx', '--explain']);
    expect(explainOnly.ok && explainOnly.options.out).toBeNull();
  });

  it.each([
    [[], /at least one/],
    [['a.xlsx', '--status-date', '2026-02-30'], /YYYY-MM-DD/],
    [['a.xlsx', '--status-date', '13/11/2026'], /YYYY-MM-DD/],
    [['a.xlsx', '--out'], /--out needs a file/],
    [['a.xlsx', '--json', '--out', 'x'], /--json needs/],
    [['a.xlsx', '--frobnicate'], /Unknown option --frobnicate/],
    [['a.xlsx', '--program-name', '  '], /--program-name needs a name/],
    [['a.xlsx', '--program-name'], /--program-name needs a name/],
  ])('rejects %j with a message', (argv, message) => {
    const r = parseArgs(argv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('accepts --help without inputs', () => {
    const r = parseArgs(['--help']);
    expect(r.ok && r.options.help).toBe(true);
  });
});
