/**
 * Issue 12, "data safety": the command line never writes over an input, never writes two outputs into one
 * file, never replaces the default output silently, and a failed write leaves nothing half-written and no
 * stack trace. One test per finding, named after it.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from '../../src/cli/main';
import { checkTargets, describeWriteFailure, OutputWriteError, writeAllOrNothing } from '../../src/cli/safe-write';
import { DEFAULT_OUT } from '../../src/cli/args';
import { sampleWith, SAMPLE } from '../hostile/sample-edit';

function fakeIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), now: () => new Date(Date.UTC(2026, 10, 14, 9)) };
}
const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
/** A Node stack frame ("    at main (/…/main.ts:12:3)"): never shown to a user. */
const STACK = /\n\s+at .+:\d+:\d+/;

jest.setTimeout(60_000);

let dir: string;
let input: string;
let before: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pr-safe-'));
  input = join(dir, 'program.xlsx');
  copyFileSync(SAMPLE, input);
  before = sha(input);
});

describe('--json naming an input overwrote it with JSON (exit 0)', () => {
  it('is refused with exit 2 and the input stays byte-identical', async () => {
    const io = fakeIo();
    expect(await main([input, '--json', input], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/--json .*program\.xlsx is the input .*inputs are never overwritten/);
    expect(sha(input)).toBe(before);
  });
  it('is refused through a symlink to the input', async () => {
    const link = join(dir, 'link.json');
    symlinkSync(input, link);
    expect(await main([input, '--json', link, '--out', join(dir, 'o.xlsx')], fakeIo())).toBe(2);
    expect(sha(input)).toBe(before);
    expect(existsSync(join(dir, 'o.xlsx'))).toBe(false);
  });
});

describe('--out naming a hard link of an input overwrote the input (compare by device + inode)', () => {
  it('is refused for --out and for --json', async () => {
    const hard = join(dir, 'hard.xlsx');
    linkSync(input, hard);
    const io = fakeIo();
    expect(await main([input, '--out', hard], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/--out .*hard\.xlsx is the input .*program\.xlsx/);
    expect(await main([hard, '--json', input], fakeIo())).toBe(2);
    expect(sha(input)).toBe(before);
  });
});

describe('--json X --out X lost the JSON silently while both were reported written', () => {
  it('is refused before anything is read or written', async () => {
    const same = join(dir, 'both.out');
    const io = fakeIo();
    expect(await main([input, '--json', same, '--out', same], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/--out and --json both name .*both\.out/);
    expect(existsSync(same)).toBe(false);
  });
  it('is refused when one is a symlink to the other', async () => {
    const real = join(dir, 'real.xlsx');
    writeFileSync(real, 'old');
    const link = join(dir, 'link.json');
    symlinkSync(real, link);
    expect(await main([input, '--out', real, '--json', link], fakeIo())).toBe(2);
    expect(readFileSync(real, 'utf8')).toBe('old');
  });
});

describe('an existing program-summary.xlsx in the current folder was overwritten silently', () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));
  it('is refused without --force (exit 2, file untouched) and replaced with --force', async () => {
    process.chdir(dir);
    writeFileSync(DEFAULT_OUT, 'my own file');
    const io = fakeIo();
    expect(await main([input], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/program-summary\.xlsx already exists and is not replaced without --force/);
    expect(readFileSync(DEFAULT_OUT, 'utf8')).toBe('my own file');
    const forced = fakeIo();
    expect(await main([input, '--force'], forced)).toBe(0);
    expect(readFileSync(DEFAULT_OUT).subarray(0, 2).toString()).toBe('PK');
    expect(forced.err.join('\n')).toMatch(/program-summary\.xlsx exists and is replaced/);
  });
  it('an explicitly named existing --out is replaced, and the run says so', async () => {
    const out = join(dir, 'mine.xlsx');
    writeFileSync(out, 'old');
    const io = fakeIo();
    expect(await main([input, '--out', out], io)).toBe(0);
    expect(io.err.join('\n')).toMatch(/mine\.xlsx exists and is replaced/);
  });
  it('--force never lets an input be overwritten', async () => {
    expect(await main([input, '--out', input, '--force'], fakeIo())).toBe(2);
    expect(sha(input)).toBe(before);
  });
});

describe('an unwritable folder, a folder as --out, a file as parent gave raw stack traces after the JSON was written', () => {
  it('a folder as --out: a clear message, exit 2, and the JSON is not written', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    const json = join(dir, 'r.json');
    const io = fakeIo();
    expect(await main([input, '--json', json, '--out', folder], io)).toBe(2);
    const err = io.err.join('\n');
    expect(err).toMatch(/--out .*folder is a folder; give a file name/);
    expect(err).not.toMatch(STACK);
    expect(existsSync(json)).toBe(false);
  });
  it('a file as the parent folder: a clear message, exit 1, and the JSON is not written', async () => {
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    const json = join(dir, 'r.json');
    const io = fakeIo();
    expect(await main([input, '--json', json, '--out', join(file, 'sub', 'o.xlsx')], io)).toBe(1);
    const err = io.err.join('\n');
    expect(err).toMatch(/cannot write .*o\.xlsx: .*plain\.txt is a file, not a folder/);
    expect(err).not.toMatch(STACK);
    expect(existsSync(json)).toBe(false);
  });
  // Root may write anywhere, so a read-only folder only refuses an ordinary user; the message is tested below.
  (process.getuid?.() === 0 ? it.skip : it)('an unwritable folder: a clear message, exit 1, nothing written', async () => {
    const { chmodSync } = await import('node:fs');
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    const io = fakeIo();
    expect(await main([input, '--out', join(ro, 'o.xlsx')], io)).toBe(1);
    expect(io.err.join('\n')).toMatch(/no permission to write in .*ro/);
    expect(readdirSync(ro)).toEqual([]);
  });
  it('names the path and the cause for every common write failure', () => {
    const err = (code: string): Error => Object.assign(new Error(`${code}: raw`), { code });
    expect(describeWriteFailure(err('EACCES'), '/x/y.xlsx')).toBe('cannot write /x/y.xlsx: no permission to write in /x');
    expect(describeWriteFailure(err('EISDIR'), '/x')).toMatch(/is a folder/);
    expect(describeWriteFailure(err('ENOTDIR'), '/f/y')).toMatch(/part of its folder path is a file/);
    expect(describeWriteFailure(err('ENOSPC'), '/y')).toMatch(/disk is full/);
    expect(describeWriteFailure(err('EROFS'), '/y')).toMatch(/read-only/);
  });
});

describe('a failed write left a half-written file: temp file beside the target, then rename', () => {
  it('writes every file or none, and leaves no temporary file', async () => {
    const good = join(dir, 'good.json');
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, 'x');
    await expect(writeAllOrNothing([{ path: good, data: '{}' }, { path: join(blocker, 'bad.xlsx'), data: 'x' }])).rejects.toThrow(OutputWriteError);
    expect(existsSync(good)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
  it('replaces a target in one step and keeps its old content when the write fails', async () => {
    const target = join(dir, 't.json');
    writeFileSync(target, 'old');
    await writeAllOrNothing([{ path: target, data: 'new' }]);
    expect(readFileSync(target, 'utf8')).toBe('new');
    await expect(writeAllOrNothing([{ path: target, data: 'newer' }, { path: join(target, 'x'), data: '' }])).rejects.toThrow(/Nothing was written/);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });
  it('checkTargets accepts new files in folders still to be created', async () => {
    const r = await checkTargets([input], [{ kind: '--out', path: join(dir, 'a', 'b', 'o.xlsx'), isDefault: false }], false);
    expect(r).toEqual({ ok: true, notes: [] });
  });
});

describe('--status-date 1800-01-01 was accepted while sheet dates before 1900 are not', () => {
  it('is refused as a usage error', async () => {
    const io = fakeIo();
    expect(await main([input, '--status-date', '1800-01-01'], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/--status-date needs a date from 1900-01-01 on/);
    expect(await main([input, '--status-date', '1900-01-01', '--json', join(dir, 'ok.json')], fakeIo())).toBe(0);
  });
});

describe('ESC/OSC sequences in task and sheet names were echoed raw to the terminal', () => {
  it('nothing printed holds a control character, and the JSON keeps the name escaped', async () => {
    const hostile = join(dir, 'hostile.xlsx');
    // The finish of task 3 of Platform holds a colour change, a window-title OSC, a carriage return and a C1
    // CSI; the issue about it quotes the text on stderr and in the JSON.
    writeFileSync(hostile, await sampleWith({ Platform: { G10: 'soon\u001b[31mRED\u001b]0;pwned\u0007\rzone\u009b[2J' } }));
    const io = fakeIo();
    expect(await main([hostile, '--json', '-'], io)).toBe(0);
    const printed = [...io.err, ...io.out].join('\n');
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const json = io.out.join('\n');
    expect(json).toContain('\\u001b[31m');
    expect(JSON.stringify(JSON.parse(json))).toContain('soon\\u001b[31mRED\\u001b]0;pwned\\u0007\\rzone\u009b[2J');
    expect(json).toContain('\\u009b[2J');
    expect(io.err.join('\n')).toMatch(/Finish "soonREDzone\[2J" is not a date/);
  });
});
