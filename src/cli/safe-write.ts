/**
 * Where the command line may write, decided before anything is read, and how it writes: never over an input,
 * never two outputs into one file, never a half-written file.
 *
 * Files are compared by identity (device + inode), so a hard link or a symlink to an input is that input.
 * Each output is written to a temporary file beside its target and renamed over it only once every output
 * has been written in full: a failed write (no permission, a folder where the file should be, disk full)
 * leaves the targets as they were and no temporary file behind.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export type OutputKind = '--out' | '--json';

export interface OutputTarget {
  kind: OutputKind;
  path: string;
  /** True for the default program-summary.xlsx (the user did not name it, so it must not replace a file). */
  isDefault: boolean;
}

export type TargetCheck =
  | { ok: true; notes: string[] }
  /** exitCode 2: a refusal the user fixes with other options; 1: the place cannot be written. */
  | { ok: false; exitCode: 1 | 2; message: string };

/** Error with a stable code and a message a user can act on (never a stack trace). */
export class OutputWriteError extends Error {
  constructor(
    readonly code: 'OUTPUT_UNWRITABLE',
    message: string,
  ) {
    super(message);
    this.name = 'OutputWriteError';
  }
}

interface Identity {
  dev: number;
  ino: number;
  isDirectory: boolean;
}

/** Identity of the file a path names (symlinks followed), or null when nothing is there. */
async function identity(path: string): Promise<Identity | null> {
  try {
    const s = await stat(path);
    return { dev: s.dev, ino: s.ino, isDirectory: s.isDirectory() };
  } catch {
    // Missing (or unreachable): the reader reports an unreadable input; an output is then simply new.
    return null;
  }
}

const same = (a: Identity | null, b: Identity | null): boolean => a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;

/** Node's error code of a file-system error, if it has one. */
function errnoCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A file-system failure as a sentence about the user's path (no stack, no syscall jargon). */
export function describeWriteFailure(e: unknown, path: string): string {
  switch (errnoCode(e)) {
    case 'EACCES':
    case 'EPERM':
      return `cannot write ${path}: no permission to write in ${dirname(path)}`;
    case 'EROFS':
      return `cannot write ${path}: the file system is read-only`;
    case 'EISDIR':
      return `cannot write ${path}: it is a folder; give a file name`;
    case 'ENOTDIR':
      return `cannot write ${path}: part of its folder path is a file, not a folder`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `cannot write ${path}: the disk is full`;
    case 'ENAMETOOLONG':
      return `cannot write ${path}: the file name is too long`;
    case 'ENOENT':
      return `cannot write ${path}: its folder does not exist and could not be created`;
    default:
      return `cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** The nearest folder on the way up from `path` that exists (what mkdir -p would start from). */
async function nearestExisting(path: string): Promise<{ path: string; id: Identity } | null> {
  let at = resolve(path);
  for (;;) {
    const id = await identity(at);
    if (id !== null) return { path: at, id };
    const up = dirname(at);
    if (up === at) return null;
    at = up;
  }
}

/**
 * Checks every output target against the inputs and against each other, and that its folder can be written.
 * Runs before any input is read, so a refused run costs nothing and writes nothing.
 */
export async function checkTargets(inputs: readonly string[], targets: readonly OutputTarget[], force: boolean): Promise<TargetCheck> {
  const notes: string[] = [];
  const inputIds = await Promise.all(inputs.map(async (p) => ({ path: p, id: await identity(p), abs: resolve(p) })));
  const seen: { target: OutputTarget; id: Identity | null; abs: string }[] = [];
  for (const target of targets) {
    const abs = resolve(target.path);
    const id = await identity(target.path);
    for (const input of inputIds) {
      if (same(id, input.id) || abs === input.abs) {
        return { ok: false, exitCode: 2, message: `${target.kind} ${target.path} is the input ${input.path} (or a link to it); inputs are never overwritten. Choose another file.` };
      }
    }
    for (const other of seen) {
      if (same(id, other.id) || abs === other.abs) {
        return { ok: false, exitCode: 2, message: `${other.target.kind} and ${target.kind} both name ${target.path}; one would overwrite the other. Give them different file names.` };
      }
    }
    seen.push({ target, id, abs });
    if (id?.isDirectory) {
      return { ok: false, exitCode: 2, message: `${target.kind} ${target.path} is a folder; give a file name, e.g. ${join(target.path, target.kind === '--out' ? 'program-summary.xlsx' : 'rollup.json')}.` };
    }
    if (id !== null) {
      if (target.isDefault && !force) {
        return { ok: false, exitCode: 2, message: `${target.path} already exists and is not replaced without --force. Use --out FILE for another file, or --force to replace it.` };
      }
      notes.push(`${target.path} exists and is replaced.`);
    }
    const folder = await nearestExisting(dirname(abs));
    if (folder === null || !folder.id.isDirectory) {
      return { ok: false, exitCode: 1, message: `cannot write ${target.path}: ${folder ? `${folder.path} is a file, not a folder` : 'no folder on its path exists'}.` };
    }
    try {
      await access(folder.path, constants.W_OK | constants.X_OK);
    } catch {
      return { ok: false, exitCode: 1, message: `cannot write ${target.path}: no permission to write in ${folder.path}.` };
    }
  }
  return { ok: true, notes };
}

export interface PendingFile {
  path: string;
  data: string | Buffer;
}

/**
 * Writes every file or none: each goes to a temporary file in its target's folder (same file system, so the
 * rename is atomic), and the renames run only after all temporary files are complete. Throws OutputWriteError.
 */
export async function writeAllOrNothing(files: readonly PendingFile[]): Promise<void> {
  const staged: { temp: string; path: string }[] = [];
  const cleanUp = async (): Promise<void> => {
    // Best effort: a temporary file that cannot be removed is named in no message, but it never replaces a target.
    await Promise.all(staged.map((s) => unlink(s.temp).catch(() => undefined)));
  };
  for (const file of files) {
    const folder = dirname(resolve(file.path));
    // The name is shortened so that a target name near the file system's limit still leaves room for it.
    const temp = join(folder, `.${basename(file.path).slice(0, 100)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`);
    try {
      await mkdir(folder, { recursive: true });
      staged.push({ temp, path: file.path });
      await writeFile(temp, file.data, { flag: 'wx' });
    } catch (e) {
      await cleanUp();
      throw new OutputWriteError('OUTPUT_UNWRITABLE', `${describeWriteFailure(e, file.path)}. Nothing was written.`);
    }
  }
  for (let i = 0; i < staged.length; i++) {
    try {
      await rename(staged[i].temp, staged[i].path);
    } catch (e) {
      const done = staged.slice(0, i).map((s) => s.path);
      staged.splice(0, i);
      await cleanUp();
      throw new OutputWriteError('OUTPUT_UNWRITABLE', `${describeWriteFailure(e, staged[0].path)}.${done.length ? ` Already written: ${done.join(', ')}.` : ' Nothing was written.'}`);
    }
  }
}
