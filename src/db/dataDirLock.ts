import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * One owner per embedded data directory. PGlite is one process's database: a second process
 * opening the same files works on its own copy and the last one to close overwrites the other.
 * The owner holds `slackgate.lock` in the directory (created atomically, with O_EXCL), naming its
 * PID, host, command and the admin socket through which other commands reach it; it is removed
 * on exit, and a lock whose owner is gone (its socket refuses connections and its PID is dead)
 * is taken over, so a crashed server never locks anyone out.
 */

export const LOCK_FILE = 'slackgate.lock';
export const ADMIN_SOCKET = 'admin.sock';

export interface LockOwner {
  pid: number;
  hostname: string;
  /** What holds the directory: `serve`, `sync`, `client create`, … */
  command: string;
  /** The HTTP address of a serving owner, once it listens. */
  address?: string;
  startedAt: string;
}

export interface DataDirLock {
  readonly dataDir: string;
  readonly socketPath: string;
  /** Rewrites the owner record (atomically: a reader sees the old or the new one). */
  update(fields: Partial<Pick<LockOwner, 'address'>>): void;
  release(): void;
}

/** The directory is held by a live process. */
export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
    /** Whether the owner answers on its admin socket (so commands can go through it). */
    readonly reachable: boolean,
  ) {
    super(`the data directory ${dataDir} is in use by slackgate ${owner.command} (PID ${owner.pid}${owner.address ? `, ${owner.address}` : ''})`);
    this.name = 'DataDirBusyError';
  }
}

export function lockPaths(dataDir: string): { dataDir: string; lockFile: string; socketPath: string } {
  const dir = path.resolve(dataDir);
  return { dataDir: dir, lockFile: path.join(dir, LOCK_FILE), socketPath: path.join(dir, ADMIN_SOCKET) };
}

export function readOwner(lockFile: string): LockOwner | undefined {
  let text: string;
  try {
    text = readFileSync(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    if (typeof owner.pid === 'number') return owner;
  } catch {
    // A lock being written right now, or garbage: judged by age below.
  }
  return { pid: 0, hostname: '', command: 'unknown', startedAt: new Date(0).toISOString() };
}

function pidAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // A killed process not yet reaped by its parent (a zombie) still answers signal 0.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (not Linux): signal 0 is all we know
  }
}

/** Whether something listens on the admin socket (the kernel accepts even while its event loop is busy). */
export function socketAnswers(socketPath: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    const done = (answer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Whether the recorded owner still runs: its admin socket answers, or (same host) its PID is
 * alive and is not ours (a restarted container often gets its old PID back).
 */
export async function ownerAlive(owner: LockOwner, socketPath: string): Promise<boolean> {
  if (await socketAnswers(socketPath)) return true;
  return owner.hostname === hostname() && owner.pid !== process.pid && pidAlive(owner.pid);
}

function writeExclusive(file: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

/**
 * Takes the data directory's lock, taking over a stale one. Throws DataDirBusyError when a live
 * process holds it. Two processes taking over the same stale lock serialise on a second
 * exclusive file, so exactly one of them wins.
 */
export async function acquireDataDirLock(dataDir: string, command: string): Promise<DataDirLock> {
  const paths = lockPaths(dataDir);
  // The database, its lock and its admin socket are this user's only.
  // (as Postgres requires of its data directories; one made by an older version is narrowed too).
  await mkdir(paths.dataDir, { recursive: true, mode: 0o700 });
  await chmod(paths.dataDir, 0o700).catch(() => {});
  const me: LockOwner = { pid: process.pid, hostname: hostname(), command, startedAt: new Date().toISOString() };
  const text = (owner: LockOwner) => `${JSON.stringify(owner)}\n`;

  for (let attempt = 0; ; attempt++) {
    if (writeExclusive(paths.lockFile, text(me))) break;
    const owner = readOwner(paths.lockFile);
    if (!owner) continue; // released between our two calls
    if (await ownerAlive(owner, paths.socketPath)) throw new DataDirBusyError(paths.dataDir, owner, await socketAnswers(paths.socketPath));
    if (attempt >= 5) throw new DataDirBusyError(paths.dataDir, owner, false);
    // Stale. Whoever creates the takeover file re-checks and replaces the lock; the others retry.
    const takeover = `${paths.lockFile}.takeover`;
    if (!writeExclusive(takeover, text(me))) {
      const other = readOwner(takeover);
      if (other && !(await ownerAlive(other, paths.socketPath))) unlinkQuietly(takeover);
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    try {
      const again = readOwner(paths.lockFile);
      if (again && again.pid === owner.pid && again.startedAt === owner.startedAt) {
        unlinkQuietly(paths.lockFile);
        unlinkQuietly(paths.socketPath);
      }
    } finally {
      unlinkQuietly(takeover);
    }
  }

  let current = me;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    // Only our own lock: never remove one a later owner wrote after a takeover.
    if (readOwner(paths.lockFile)?.pid === process.pid) {
      unlinkQuietly(paths.socketPath);
      unlinkQuietly(paths.lockFile);
    }
  };
  // Released however the process ends (a SIGKILL leaves it behind, to be taken over).
  process.on('exit', release);
  return {
    dataDir: paths.dataDir,
    socketPath: paths.socketPath,
    update(fields) {
      current = { ...current, ...fields };
      const tmp = `${paths.lockFile}.${process.pid}.tmp`;
      if (!writeExclusive(tmp, text(current))) {
        unlinkQuietly(tmp);
        writeExclusive(tmp, text(current));
      }
      renameSync(tmp, paths.lockFile);
    },
    release,
  };
}
