import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Database } from '../db/createDb.ts';
import type { SyncRun, SyncStatus } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import { capabilitiesOf, type Capabilities } from '../slack/grantability.ts';
import { assertWorkingBotToken, type PlanInfo, type SlackConnection } from '../slack/connection.ts';
import { SlackApiError } from '../slack/errors.ts';
import { isExpiredCursor, isUnreadableChannel, SlackCatalog } from '../slack/catalog.ts';
import { inSpan } from '../telemetry.ts';
import { applyRun, lastApplied, liveState, type ApplyResult } from './apply.ts';
import { tryAcquireSyncLock } from './lock.ts';
import {
  channelMemberGrants,
  enterpriseRoleGrants,
  mapChannel,
  mapEnterpriseRole,
  mapIdpGroup,
  mapOrganizationRoles,
  mapScimUser,
  mapUser,
  mapUserGroup,
  mapWorkspace,
  appendBatch,
  MAPPING_MODULE,
  type StageAccount,
  type StageBatch,
  type StageGrant,
  type StageScimUser,
} from './mapping.ts';
import { clearStage, dropUnlistedRows, hasNoRows, loadCheckpoints, loadPages, NOTHING_TO_WRITE, recordPages, serializePage, STAGE_MODULE, stagedBy, stagePage, type Checkpoint, type PageEntry, type PageRecord } from './stage.ts';
import type { PageMemo } from '../slack/webApi.ts';
import { SYNC_PHASES, type StartSyncOptions, type SyncController, type SyncPhase, type SyncProgressEvent, type SyncProgressPublisher } from './types.ts';

export interface SyncEngineOptions {
  database: Database;
  connection: SlackConnection;
  ssoEnabled: boolean;
  /** Fraction of accounts or grants a run may remove before it needs confirmation. */
  deletionThreshold: number;
  publish?: SyncProgressPublisher;
  logger?: Logger;
  /** Slack tasks (workspaces × methods, channels) read in parallel. */
  concurrency?: number;
  /** Least time between two progress events. */
  progressIntervalMs?: number;
  /**
   * Runs a run this process holds the sync lock for; by default here, on this event loop
   * (`executeRun`). The service on Postgres runs it in a worker thread instead (workerExecutor.ts).
   */
  executor?: RunExecutor;
  /** Rows an apply inserts from which it rebuilds the table's indexes after the load (apply.ts); for tests. */
  bulkLoadMin?: number;
}

/** Executes one run to its end (or to an interruption by `signal`) and returns its final row. */
export type RunExecutor = (run: SyncRun, signal: AbortSignal) => Promise<SyncRun>;

/** Executes one run in this process: Slack → staging → apply. */
export function executeRun(run: SyncRun, options: SyncEngineOptions, signal: AbortSignal): Promise<SyncRun> {
  return new RunState(run, options, signal).execute();
}

const FINISHED: SyncStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'NEEDS_CONFIRMATION'];

/** Page ids of run R are R × PAGES_PER_RUN + 1, + 2, …: unique without a round trip to number them. */
const PAGES_PER_RUN = 1_000_000;

/** Pages with nothing to write that are recorded together (see RunState.#recordLater). */
const RECORDS_PER_WRITE = 100;

/**
 * The version of what this code makes of Slack's answers, mixed into their digests: the digest
 * of the modules that map and stage them (and of this one). An answer digested by another
 * version of slackgate is parsed again, so an upgrade never reuses rows an older mapping staged.
 */
const ANSWER_SEED = (() => {
  const hash = createHash('sha1');
  for (const url of new Set([import.meta.url, MAPPING_MODULE, STAGE_MODULE])) {
    try {
      hash.update(readFileSync(new URL(url)));
    } catch {
      hash.update(`${url}:${Date.now()}:${Math.random()}`); // unreadable: nothing is reused
    }
  }
  return hash.digest('base64');
})();

/** What a page's Slack answer was: its digest, whether the run knew it (then it was not parsed), and what it gave besides items. */
interface AnswerSeen {
  digest: string;
  known: boolean;
  next: string;
}

/** The run was stopped by shutdown; it stays RUNNING with its checkpoints and resumes later. */
class SyncInterrupted extends Error {}

interface Task {
  id: string;
  phase: SyncPhase;
  /**
   * Reads the task's pages from `cursor` (null: the beginning), committing each. `checkpoint`
   * names a part of the task that is done on its own (pages read in parallel).
   */
  run(cursor: string | null, commit: (batch: StageBatch, nextCursor: string | null, checkpoint?: string, answer?: AnswerSeen) => Promise<void>): Promise<void>;
}

/**
 * Full syncs: Slack → staging (page by page, checkpointed) → one atomic apply. Implements the
 * SyncController contract: one active run per organization, joined by later triggers, executed
 * by whichever process holds the sync lock, and resumed from its checkpoints after a crash.
 */
export class SyncEngine implements SyncController {
  readonly #o: SyncEngineOptions;
  readonly #running = new Map<number, Promise<SyncRun>>();
  readonly #abort = new AbortController();
  #driving: Promise<boolean> | undefined;

  constructor(options: SyncEngineOptions) {
    this.#o = options;
  }

  get #db() {
    return this.#o.database.db;
  }

  async start(options: StartSyncOptions): Promise<SyncRun> {
    let run: SyncRun | undefined;
    try {
      run = await this.#db
        .insertInto('sync_runs')
        .values({
          trigger: options.trigger,
          requested_by: options.requestedBy ?? null,
          scope: JSON.stringify({ confirmDeletions: options.confirmDeletions === true }),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    } catch (error) {
      // sync_runs_one_active_idx: a run is already queued or running somewhere; join it.
      if (!/duplicate key|unique/i.test((error as Error).message)) throw error;
    }
    run ??= await this.#activeRun();
    if (!run) return this.start(options); // it finished between our insert and our read
    void this.#drive();
    return run;
  }

  async waitFor(runId: number): Promise<SyncRun> {
    // Waits between looks only while the run goes on in another process: a run this process
    // drove to its end (the driver below resolves when it ends) is read again at once.
    for (let wait = false; ; ) {
      if (wait) await new Promise((r) => setTimeout(r, 250));
      const local = this.#running.get(runId);
      if (local) return local;
      const row = await this.#db.selectFrom('sync_runs').selectAll().where('id', '=', runId).executeTakeFirst();
      if (!row) throw new Error(`sync run ${runId} does not exist`);
      if (FINISHED.includes(row.status)) return row;
      // Run elsewhere; if its process died, the lock is free and we take the run over.
      const drove = await this.#drive();
      wait = !drove && !this.#running.has(runId);
    }
  }

  /** Picks up a run left QUEUED or RUNNING by a stopped process (call at service start). */
  async resumeInterrupted(): Promise<SyncRun | undefined> {
    const run = await this.#activeRun();
    if (!run) return undefined;
    await this.#drive();
    return run;
  }

  /** Applies the deletions a guarded run held back, if nothing ran since. */
  async confirm(runId: number, confirmedBy: string): Promise<SyncRun> {
    const lock = await tryAcquireSyncLock(this.#o.database);
    if (!lock) throw new Error('a sync is running; confirm after it ends');
    try {
      const run = await this.#db.selectFrom('sync_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
      if (run.status !== 'NEEDS_CONFIRMATION') throw new Error(`sync run ${runId} is ${run.status}, not waiting for confirmation`);
      const newer = await this.#db.selectFrom('sync_runs').select('id').where('id', '>', runId).executeTakeFirst();
      const staged = await this.#db.selectFrom('sync_pages').select('run_id').where('run_id', '=', runId).limit(1).executeTakeFirst();
      if (newer || !staged) throw new Error(`sync run ${runId} is no longer the latest; start a new sync with confirmDeletions instead`);
      const result = await applyRun(this.#db, {
        runId,
        startedAt: run.started_at ?? run.created_at,
        threshold: this.#o.deletionThreshold,
        force: true,
        detailed: true,
      });
      await clearStage(this.#db, runId);
      return await this.#db
        .updateTable('sync_runs')
        .set({
          status: 'SUCCEEDED',
          confirmed_by: confirmedBy,
          confirmed_at: new Date(),
          diff_summary: JSON.stringify(mergeDiff(run.diff_summary, result)),
          guard: JSON.stringify(result.guard),
        })
        .where('id', '=', runId)
        .returningAll()
        .executeTakeFirstOrThrow();
    } finally {
      await lock.release();
    }
  }

  /** Stops reading Slack; a run in progress keeps its checkpoints and resumes on the next start. */
  async close(): Promise<void> {
    this.#abort.abort();
    await Promise.allSettled([...this.#running.values()]);
    await this.#driving;
  }

  #activeRun(): Promise<SyncRun | undefined> {
    return this.#db.selectFrom('sync_runs').selectAll().where('status', 'in', ['QUEUED', 'RUNNING']).orderBy('id').executeTakeFirst();
  }

  /** Runs the active run here if no process holds the sync lock; true when it ran one (to its end or interruption). */
  #drive(): Promise<boolean> {
    if (this.#driving || this.#abort.signal.aborted) return this.#driving ?? Promise.resolve(false);
    this.#driving = (async () => {
      const lock = await tryAcquireSyncLock(this.#o.database);
      if (!lock) return false;
      try {
        const run = await this.#activeRun();
        if (!run) return false;
        let resolve!: (r: SyncRun) => void;
        this.#running.set(run.id, new Promise<SyncRun>((r) => (resolve = r)));
        try {
          resolve(await this.#execute(run));
        } finally {
          this.#running.delete(run.id);
        }
        return true;
      } finally {
        await lock.release();
        this.#driving = undefined;
      }
    })().catch((error: unknown) => {
      this.#driving = undefined;
      this.#o.logger?.error({ err: error }, 'sync driver failed');
      return false;
    });
    return this.#driving;
  }

  async #execute(queued: SyncRun): Promise<SyncRun> {
    if (this.#o.executor) return this.#o.executor(queued, this.#abort.signal);
    // In this process (PGlite): one span for the run, its statements and Slack calls under it.
    return inSpan('sync run', () => ({ 'slackgate.sync_run': queued.id }), 'internal', () => executeRun(queued, this.#o, this.#abort.signal));
  }
}

function mergeDiff(previous: unknown, result: ApplyResult): ApplyResult['diff'] {
  const p = (previous ?? {}) as Partial<ApplyResult['diff']>;
  const d = result.diff;
  return {
    accountsAdded: (p.accountsAdded ?? 0) + d.accountsAdded,
    accountsChanged: (p.accountsChanged ?? 0) + d.accountsChanged,
    accountsRemoved: (p.accountsRemoved ?? 0) + d.accountsRemoved,
    resourcesAdded: (p.resourcesAdded ?? 0) + d.resourcesAdded,
    resourcesRemoved: (p.resourcesRemoved ?? 0) + d.resourcesRemoved,
    grantsAdded: (p.grantsAdded ?? 0) + d.grantsAdded,
    grantsRemoved: (p.grantsRemoved ?? 0) + d.grantsRemoved,
    detailed: d.detailed,
  };
}

/** One run being executed by this process. */
class RunState {
  readonly #o: SyncEngineOptions;
  readonly #signal: AbortSignal;
  #row: SyncRun;
  #phase: SyncPhase | null = null;
  readonly #counts: Partial<Record<SyncPhase, number>>;
  #estimates: Partial<Record<SyncPhase, number>> = {};
  readonly #callsAtStart: Record<string, number>;
  readonly #limitedAtStart: Record<string, number>;
  #lastEvent = 0;
  #lastFlush = 0;
  #checkpoints = new Map<string, Checkpoint>();
  #caps!: Capabilities;
  #plan!: PlanInfo;
  readonly #catalog: SlackCatalog;
  /** The last successful run whose pages are still staged, and those pages by key. */
  #base: { runId: number; pages: Map<string, PageRecord> } | undefined;
  /** Pages this run numbered so far (its page ids are runId × PAGES_PER_RUN + n). */
  #pagesNumbered = 0;
  /** Page keys this run read, and whether one was read twice (its first page's rows are then listed nowhere). */
  readonly #keysRead = new Set<string>();
  #keyReadTwice = false;
  /** Pages read with nothing to write, not recorded yet, in the order they were read. */
  #unrecorded: PageEntry[] = [];
  /** The last write of such pages; the next one, and any page's write, starts after it. */
  #recording: Promise<void> = Promise.resolve();

  constructor(row: SyncRun, options: SyncEngineOptions, signal: AbortSignal) {
    this.#row = row;
    this.#o = options;
    this.#signal = signal;
    this.#catalog = new SlackCatalog(options.connection);
    this.#counts = { ...(row.counts as Partial<Record<SyncPhase, number>>) };
    this.#callsAtStart = { ...options.connection.stats.calls };
    this.#limitedAtStart = { ...options.connection.stats.rateLimited };
  }

  get #db() {
    return this.#o.database.db;
  }

  async execute(): Promise<SyncRun> {
    const resuming = this.#row.status === 'RUNNING';
    const log = this.#o.logger?.child({ runId: this.#row.id });
    try {
      this.#row = await this.#db
        .updateTable('sync_runs')
        .set({ status: 'RUNNING', started_at: this.#row.started_at ?? new Date(), heartbeat_at: new Date() })
        .where('id', '=', this.#row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const base = await this.#db
        .selectFrom('sync_pages as p')
        .innerJoin('sync_runs as r', 'r.id', 'p.run_id')
        .select((eb) => eb.fn.max('p.run_id').as('run_id'))
        .where('r.status', '=', 'SUCCEEDED')
        .where('p.run_id', '<', this.#row.id)
        .executeTakeFirst();
      const baseRunId = base?.run_id == null ? undefined : Number(base.run_id);
      if (resuming) {
        this.#checkpoints = await loadCheckpoints(this.#db, this.#row.id);
        const own = await loadPages(this.#db, this.#row.id);
        this.#pagesNumbered = Math.max(0, ...[...own.values()].map((p) => p.page - this.#row.id * PAGES_PER_RUN).filter((n) => n > 0 && n < PAGES_PER_RUN));
        // Rows of a page read again since (a task restarted after its cursor expired) belong to no page now.
        await dropUnlistedRows(this.#db);
        log?.info({ tasksDone: [...this.#checkpoints.values()].filter((c) => c.done).length }, 'resuming interrupted sync');
      } else {
        await clearStage(this.#db, baseRunId);
      }
      if (baseRunId !== undefined) this.#base = { runId: baseRunId, pages: await loadPages(this.#db, baseRunId) };
      this.#estimates = await this.#previousCounts();
      await this.#emit(true);

      this.#plan = await this.#o.connection.detect();
      await this.#db
        .insertInto('connector_state')
        .values({ key: 'plan', value: JSON.stringify(this.#plan), updated_at: new Date() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(this.#plan), updated_at: new Date() }))
        .execute();
      assertWorkingBotToken(this.#plan);
      this.#caps = capabilitiesOf(this.#plan, this.#o.ssoEnabled);

      await this.#phaseRun('workspaces', [this.#workspacesTask()]);
      const workspaces = await this.#stagedWorkspaces();
      this.#estimates.workspaces = workspaces.length;

      await this.#phaseRun('accounts', [...workspaces.map((w) => this.#usersTask(w)), ...(this.#plan.tokens.businessPlus.ok ? [this.#scimUsersTask()] : [])]);
      await this.#phaseRun('resources', [
        ...workspaces.map((w) => this.#userGroupsTask(w)),
        ...workspaces.map((w) => this.#channelsTask(w)),
        ...(this.#plan.tokens.businessPlus.ok && this.#o.ssoEnabled ? [this.#idpGroupsTask()] : []),
        ...(this.#isGrid && this.#plan.tokens.enterprise.ok ? [this.#enterpriseRolesTask()] : []),
      ]);
      this.#phase = 'entitlements';
      const { n } = await this.#db
        .selectFrom('sync_stage_entitlements')
        .select((eb) => eb.fn.count<number>('external_id').distinct().as('n'))
        .where(stagedBy(this.#row.id))
        .executeTakeFirstOrThrow();
      this.#counts.entitlements = Number(n);
      await this.#emit(true);

      const channels = await this.#db
        .selectFrom('sync_stage_resources')
        .select(['slack_id', 'workspace_id'])
        .distinct()
        .where(stagedBy(this.#row.id))
        .where('resource_type', '=', 'channel')
        .orderBy('slack_id')
        .execute();
      await this.#phaseRun('grants', channels.map((c) => this.#channelMembersTask(c.slack_id, c.workspace_id ?? undefined)));

      this.#phase = 'apply';
      this.#estimates.apply = 4;
      this.#counts.apply = 0;
      await this.#emit(true);
      const previous = await this.#db.selectFrom('sync_runs').select('id').where('status', '=', 'SUCCEEDED').where('id', '<', this.#row.id).limit(1).executeTakeFirst();
      const scope = (this.#row.scope ?? {}) as { confirmDeletions?: boolean };
      const unchanged = await this.#unchangedSinceBase();
      if (unchanged) {
        log?.debug({ baseRunId: this.#base?.runId }, 'every page as the last run read it, live tables as its apply left them: nothing to apply');
        this.#counts.apply = 4;
        this.#counts.grants = unchanged.grantsListed;
        await clearStage(this.#db, this.#row.id);
        const done = await this.#finish('SUCCEEDED', null, unchanged);
        log?.info({ status: 'SUCCEEDED', stageMs: Math.round(this.stageMs), diff: unchanged.diff }, 'sync finished');
        return done;
      }
      const result = await applyRun(this.#db, {
        runId: this.#row.id,
        startedAt: this.#row.started_at ?? this.#row.created_at,
        threshold: this.#o.deletionThreshold,
        force: scope.confirmDeletions === true,
        detailed: previous !== undefined,
        bulkLoadMin: this.#o.bulkLoadMin,
        onStep: (stepName) => {
          if (['accounts', 'resources', 'grants', 'diff'].includes(stepName)) this.#counts.apply = (this.#counts.apply ?? 0) + 1;
          log?.debug({ step: stepName }, 'apply step done');
          void this.#emit(false);
        },
      });
      const status: SyncStatus = result.heldBack ? 'NEEDS_CONFIRMATION' : 'SUCCEEDED';
      // The last progress shows every grant Slack lists, derived ones included, as the summary does.
      this.#counts.grants = result.grantsListed;
      if (status === 'SUCCEEDED') await clearStage(this.#db, this.#row.id);
      if (status === 'SUCCEEDED' && this.#keyReadTwice) await dropUnlistedRows(this.#db);
      const done = await this.#finish(status, null, result);
      log?.info({ status, stageMs: Math.round(this.stageMs), diff: result.diff, guard: result.guard.tripped ? result.guard.reasons : undefined }, 'sync finished');
      return done;
    } catch (error) {
      if (error instanceof SyncInterrupted || this.#signal.aborted) {
        log?.info('sync interrupted; it resumes from its checkpoints on the next start');
        await this.#recordUnrecorded().catch(() => {});
        await this.#flush();
        return this.#row;
      }
      const message = error instanceof SlackApiError || error instanceof Error ? error.message : String(error);
      log?.error({ err: error }, 'sync failed');
      await clearStage(this.#db, this.#base?.runId)
        .then(() => (this.#keyReadTwice ? dropUnlistedRows(this.#db) : undefined))
        .catch(() => {});
      return this.#finish('FAILED', message, undefined);
    }
  }

  /**
   * The outcome of this run without an apply, when there is nothing to apply: every page it read
   * stages the same rows as a page of the same key of the last run, which read no other pages,
   * finished last and succeeded, and the live tables are as that run's apply left them.
   */
  async #unchangedSinceBase(): Promise<ApplyResult | undefined> {
    const base = this.#base;
    if (!base) return undefined;
    const runId = this.#row.id;
    const { pages, same } = await this.#db
      .selectFrom('sync_pages as p')
      .leftJoin('sync_pages as b', (join) => join.on('b.run_id', '=', base.runId).onRef('b.key', '=', 'p.key').onRef('b.page', '=', 'p.page'))
      .select((eb) => [eb.fn.countAll<number>().as('pages'), eb.fn.count<number>('b.page').as('same')])
      .where('p.run_id', '=', runId)
      .executeTakeFirstOrThrow();
    if (Number(pages) !== base.pages.size || Number(same) !== base.pages.size) return undefined;
    const last = await this.#db.selectFrom('sync_runs').select(['id', 'status', 'counts']).where('id', '<', runId).where('status', 'in', FINISHED).orderBy('id', 'desc').executeTakeFirst();
    if (last?.id !== base.runId || last.status !== 'SUCCEEDED') return undefined;
    const applied = await lastApplied(this.#db);
    if (applied?.runId !== base.runId) return undefined;
    const live = await liveState(this.#db);
    if (applied.watermark !== live.watermark) return undefined;
    return {
      guard: {
        tripped: false,
        reasons: [],
        threshold: this.#o.deletionThreshold,
        activeAccountsBefore: live.enabledAccounts,
        activeAccountsAfter: live.enabledAccounts,
        grantsBefore: live.grants,
        grantsToRemove: 0,
        emptiedEntitlements: [],
      },
      heldBack: false,
      grantsListed: Number((last.counts as Partial<Record<SyncPhase, number>> | null)?.grants ?? live.grants),
      diff: { accountsAdded: 0, accountsChanged: 0, accountsRemoved: 0, resourcesAdded: 0, resourcesRemoved: 0, grantsAdded: 0, grantsRemoved: 0, detailed: true },
    };
  }

  get #isGrid(): boolean {
    return this.#plan.plan === 'grid' || this.#plan.plan === 'gov';
  }

  async #previousCounts(): Promise<Partial<Record<SyncPhase, number>>> {
    const prev = await this.#db
      .selectFrom('sync_runs')
      .select('counts')
      .where('status', '=', 'SUCCEEDED')
      .where('id', '<', this.#row.id)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return { ...((prev?.counts ?? {}) as Partial<Record<SyncPhase, number>>) };
  }

  async #stagedWorkspaces(): Promise<{ id: string; name: string }[]> {
    return this.#db.selectFrom('sync_stage_workspaces').select(['id', 'name']).distinct().where(stagedBy(this.#row.id)).orderBy('id').execute();
  }

  /** Runs a phase's tasks, a few at a time; skips tasks a resumed run already finished. */
  async #phaseRun(phase: SyncPhase, tasks: Task[]): Promise<void> {
    this.#phase = phase;
    await this.#emit(true);
    const queue = tasks.filter((t) => !this.#checkpoints.get(t.id)?.done);
    const workers = Array.from({ length: Math.min(this.#o.concurrency ?? 6, queue.length) }, async () => {
      for (let task = queue.shift(); task; task = queue.shift()) await this.#runTask(task);
    });
    await Promise.all(workers);
    // What comes next reads the run's pages: every page read is recorded first.
    await this.#recordUnrecorded();
  }

  /**
   * Keeps a page with nothing to write (a re-sync's pages are mostly answers the last run read)
   * to record it with others in one statement: a round trip for a hundred pages instead of one
   * each. Until then its task's checkpoint stays before it; a run stopped meanwhile reads it again.
   */
  async #recordLater(entry: PageEntry): Promise<void> {
    this.#unrecorded.push(entry);
    if (this.#unrecorded.length >= RECORDS_PER_WRITE) await this.#recordUnrecorded();
  }

  /** Records the pages kept by #recordLater, after any such write still going on (a task's checkpoints never go back). */
  #recordUnrecorded(): Promise<void> {
    const entries = this.#unrecorded;
    this.#unrecorded = [];
    if (entries.length) this.#recording = this.#recording.then(() => recordPages(this.#db, this.#row.id, entries));
    return this.#recording;
  }

  async #runTask(task: Task): Promise<void> {
    const cursor = this.#checkpoints.get(task.id)?.cursor ?? null;
    // Where the task's next page starts: with the task (or the part of it a checkpoint names), the page's key.
    let pageCursor = cursor;
    const commit = async (batch: StageBatch, nextCursor: string | null, checkpoint?: string, answer?: AnswerSeen): Promise<void> => {
      if (this.#signal.aborted) throw new SyncInterrupted();
      const done = nextCursor === null;
      const key = checkpoint ?? `${task.id}@${pageCursor ?? ''}`;
      pageCursor = nextCursor;
      if (this.#keysRead.has(key)) this.#keyReadTwice = true;
      this.#keysRead.add(key);
      const before = this.#base?.pages.get(key);
      let staged = NOTHING_TO_WRITE;
      let record: PageRecord;
      if (answer?.known) {
        // The same answer as the last run's page of this key: its rows are staged already.
        if (!before || before.answer !== answer.digest) throw new Error(`sync page ${key}: answer known but not recorded`);
        record = before;
      } else {
        const items = task.phase === 'accounts' ? (batch.accounts?.length ?? 0) + (batch.scimUsers?.length ?? 0) : task.phase === 'workspaces' ? (batch.workspaces?.length ?? 0) : task.phase === 'resources' ? (batch.resources?.length ?? 0) : (batch.grants?.length ?? 0);
        const grants = task.phase !== 'grants' ? (batch.grants?.length ?? 0) : 0;
        const page = this.#row.id * PAGES_PER_RUN + ++this.#pagesNumbered;
        staged = serializePage(this.#o.database, this.#row.id, page, batch);
        record = { key, page, digest: staged.digest, answer: answer?.digest ?? null, next: answer?.next ?? null, items, grants };
        // The same rows as the last run staged for this page: point at them instead of staging them again.
        if (before && before.digest === staged.digest) {
          staged = NOTHING_TO_WRITE;
          record = { ...record, page: before.page };
        }
      }
      const phaseItems = record.items;
      const otherGrants = record.grants;
      const items = phaseItems + otherGrants;
      // The page's rows and the task's cursor move together: a crash leaves both or neither.
      const t0 = performance.now();
      const entry = { record, checkpoint: { task: checkpoint ?? task.id, cursor: nextCursor, done, items } };
      if (hasNoRows(staged)) {
        await this.#recordLater(entry);
      } else {
        // The task's earlier pages are recorded before this one, with the checkpoints before its own.
        await this.#recordUnrecorded();
        await stagePage(this.#o.database, this.#row.id, staged, entry.record, entry.checkpoint);
      }
      this.stageMs += performance.now() - t0;
      this.#counts[task.phase] = (this.#counts[task.phase] ?? 0) + phaseItems;
      if (otherGrants) this.#counts.grants = (this.#counts.grants ?? 0) + otherGrants;
      await this.#emit(false);
    };
    try {
      await task.run(cursor, commit);
    } catch (error) {
      // A cursor from before a crash may have expired; read the task again from its start
      // (staged rows are deduplicated at apply).
      if (isExpiredCursor(error) && cursor) {
        pageCursor = null;
        await task.run(null, commit);
        return;
      }
      throw error;
    }
  }

  /**
   * What the last run kept of task `taskId`'s pages, offered to each answer before it is parsed:
   * an answer with the same digest as the page read from the same cursor is known.
   */
  #memo(taskId: string, seed = ANSWER_SEED): PageMemo {
    return {
      seed,
      lookup: (cursor, digest) => {
        const before = this.#base?.pages.get(`${taskId}@${cursor}`);
        return before?.answer === digest ? (before.next ?? '') : undefined;
      },
    };
  }

  #workspacesTask(): Task {
    return {
      id: 'workspaces',
      phase: 'workspaces',
      run: async (_cursor, commit) => {
        const fallback = this.#plan.teamId ? { id: this.#plan.teamId, name: this.#plan.teamName ?? this.#plan.teamId } : undefined;
        const batch: StageBatch = {};
        for (const team of await this.#catalog.workspaces(fallback)) appendBatch(batch, mapWorkspace(team, this.#caps));
        if (this.#isGrid) appendBatch(batch, mapOrganizationRoles(this.#caps));
        await commit(batch, null);
      },
    };
  }

  #usersTask(ws: { id: string }): Task {
    const grid = this.#isGrid;
    return {
      id: `users:${ws.id}`,
      phase: 'accounts',
      run: async (cursor, commit) => {
        for await (const page of this.#catalog.users(ws.id, cursor ?? undefined, this.#memo(`users:${ws.id}`))) {
          if (page.known) {
            await commit({}, page.nextCursor || null, undefined, { digest: page.digest ?? '', known: true, next: page.nextCursor });
            continue;
          }
          const accounts: StageAccount[] = [];
          const grants: StageGrant[] = [];
          for (const u of page.items) {
            const mapped = mapUser(u, ws.id, grid);
            accounts.push(mapped.account);
            for (const g of mapped.grants) grants.push(g);
          }
          // A page of parsed users is several times the size of its staged rows. Let it go before
          // the write: kept alive across it, it would outlive young-generation collections and be
          // promoted, and the old generation would grow by a page per page read.
          page.items.length = 0;
          await commit({ accounts, grants }, page.nextCursor || null, undefined, page.digest === undefined ? undefined : { digest: page.digest, known: false, next: page.nextCursor });
        }
      },
    };
  }

  /**
   * SCIM users, 1000 a page. After the first page tells the total, the other pages are read a
   * few at a time (SCIM paging is by index, and Slack's SCIM read allowance is generous); each
   * page is checkpointed on its own so a resumed run reads only the pages it lacks.
   */
  #scimUsersTask(): Task {
    return {
      id: 'scim:users',
      phase: 'accounts',
      run: async (_cursor, commit) => {
        const pageDone = (start: number) => this.#checkpoints.get(`scim:users@${start}`)?.done === true;
        // Each page is mapped to its staged rows as soon as it is read; the parsed SCIM users
        // (with every group they belong to) are not kept across the staging write.
        // Each range's first answer is offered to what the last run kept under the range's key.
        const known = (key: string) => ({
          seed: ANSWER_SEED,
          lookup: (digest: string) => {
            const before = this.#base?.pages.get(key);
            return before?.answer === digest ? (before.next ?? undefined) : undefined;
          },
        });
        const readPage = async (at: number, count?: number, key?: string) => {
          const page = await this.#catalog.scimUsers(at, count, key ? known(key) : undefined);
          return { rows: page.resources.map(mapScimUser), total: page.totalResults, digest: page.digest, known: page.known === true };
        };
        const first = await readPage(1, undefined, 'scim:users@1');
        const pageSize = Math.max(1, first.known ? (this.#base?.pages.get('scim:users@1')?.items ?? 0) : first.rows.length);
        const total = first.total;
        this.#estimates.accounts = Math.max(this.#estimates.accounts ?? 0, total);
        const firstAnswer = first.digest === undefined ? undefined : { digest: first.digest, known: first.known, next: String(total) };
        if (!pageDone(1)) await commit({ scimUsers: first.rows }, null, 'scim:users@1', firstAnswer);
        first.rows = [];
        const starts: number[] = [];
        for (let start = 1 + pageSize; start <= total; start += pageSize) if (!pageDone(start)) starts.push(start);
        const readRange = async (start: number): Promise<void> => {
          // A page may come back shorter than asked while more remain: read the rest of its range too.
          const rows: StageScimUser[] = [];
          let answer: AnswerSeen | undefined;
          for (let at = start; at < Math.min(start + pageSize, total + 1); ) {
            const page = await readPage(at, start + pageSize - at, at === start ? `scim:users@${start}` : undefined);
            // One answer makes the range, or its digest stands for nothing.
            answer = at === start && page.digest !== undefined ? { digest: page.digest, known: page.known, next: String(total) } : undefined;
            if (page.known || page.rows.length === 0) break;
            for (const row of page.rows) rows.push(row);
            at += page.rows.length;
          }
          await commit({ scimUsers: rows }, null, `scim:users@${start}`, answer);
        };
        await Promise.all(
          Array.from({ length: Math.min(4, starts.length) }, async () => {
            for (let start = starts.shift(); start !== undefined; start = starts.shift()) await readRange(start);
          }),
        );
        await commit({}, null);
      },
    };
  }

  #userGroupsTask(ws: { id: string }): Task {
    const id = `usergroups:${ws.id}`;
    return {
      id,
      phase: 'resources',
      run: async (_cursor, commit) => {
        // What a group is made into depends on what the tokens may do (grantable or not): an
        // answer is known only to a run with the same capabilities.
        const memo = this.#memo(id, `${ANSWER_SEED}:${JSON.stringify(this.#caps)}`);
        const page = await this.#catalog.userGroups(ws.id, { seed: memo.seed, lookup: (digest) => memo.lookup('', digest) });
        const answer = page.digest === undefined ? undefined : { digest: page.digest, known: page.known, next: '' };
        if (page.known) return commit({}, null, undefined, answer);
        const batch: StageBatch = {};
        for (const g of page.items) appendBatch(batch, mapUserGroup(g, ws.id, this.#caps));
        page.items.length = 0;
        await commit(batch, null, undefined, answer);
      },
    };
  }

  #channelsTask(ws: { id: string }): Task {
    return {
      id: `channels:${ws.id}`,
      phase: 'resources',
      run: async (cursor, commit) => {
        for await (const page of this.#catalog.channels(ws.id, cursor ?? undefined)) {
          const batch: StageBatch = {};
          for (const c of page.items) appendBatch(batch, mapChannel(c, ws.id, this.#caps));
          await commit(batch, page.nextCursor || null);
        }
      },
    };
  }

  #idpGroupsTask(): Task {
    return {
      id: 'scim:groups',
      phase: 'resources',
      run: async (cursor, commit) => {
        for await (const page of this.#catalog.scimGroups(cursor ? Number(cursor) : 1)) {
          const batch: StageBatch = {};
          for (const listed of page.resources) {
            // Lists normally carry members; fetch the group only when they are left out.
            const group = listed.members ? listed : ((await this.#catalog.scimGroup(listed.id)) ?? listed);
            appendBatch(batch, mapIdpGroup(group, this.#caps));
          }
          await commit(batch, page.nextIndex ? String(page.nextIndex) : null);
        }
      },
    };
  }

  #enterpriseRolesTask(): Task {
    return {
      id: 'enterprise:roles',
      phase: 'resources',
      run: async (cursor, commit) => {
        for await (const page of this.#catalog.roleAssignments(cursor ?? undefined)) {
          const batch: StageBatch = {};
          const byRole = new Map<string, string[]>();
          for (const a of page.items) byRole.set(a.role_id, [...(byRole.get(a.role_id) ?? []), a.user_id]);
          for (const [roleId, users] of byRole) appendBatch(batch, { ...mapEnterpriseRole(roleId, this.#caps), grants: enterpriseRoleGrants(roleId, users) });
          await commit(batch, page.nextCursor || null);
        }
      },
    };
  }

  #channelMembersTask(channelId: string, teamId: string | undefined): Task {
    return {
      id: `members:${channelId}`,
      phase: 'grants',
      run: async (cursor, commit) => {
        try {
          for await (const page of this.#catalog.channelMembers(channelId, teamId, cursor ?? undefined, this.#memo(`members:${channelId}`))) {
            const answer = page.digest === undefined ? undefined : { digest: page.digest, known: page.known, next: page.nextCursor };
            await commit(page.known ? {} : { grants: channelMemberGrants(channelId, page.items) }, page.nextCursor || null, undefined, answer);
          }
        } catch (error) {
          // A channel deleted, or a private channel the bot left, since it was listed.
          if (isUnreadableChannel(error)) {
            await commit({}, null);
            return;
          }
          throw error;
        }
      },
    };
  }

  #snapshot(): { calls: Record<string, number>; limited: Record<string, number> } {
    const diff = (now: Record<string, number>, base: Record<string, number>) =>
      Object.fromEntries(Object.entries(now).map(([k, v]) => [k, v - (base[k] ?? 0)]).filter(([, v]) => (v as number) > 0));
    const persisted = { calls: (this.#row.slack_calls ?? {}) as Record<string, number>, limited: (this.#row.slack_rate_limited ?? {}) as Record<string, number> };
    const calls = diff(this.#o.connection.stats.calls, this.#callsAtStart);
    const limited = diff(this.#o.connection.stats.rateLimited, this.#limitedAtStart);
    // A resumed run adds to what the interrupted process recorded.
    if (this.#row.status === 'RUNNING' && this.#resumedBase === undefined) this.#resumedBase = persisted;
    const base = this.#resumedBase ?? { calls: {}, limited: {} };
    const add = (a: Record<string, number>, b: Record<string, number>) => {
      const out = { ...a };
      for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
      return out;
    };
    return { calls: add(base.calls, calls), limited: add(base.limited, limited) };
  }
  /** Time spent writing staged pages (diagnostics). */
  stageMs = 0;
  #resumedBase: { calls: Record<string, number>; limited: Record<string, number> } | undefined;

  #event(status: SyncStatus, error: string | null): SyncProgressEvent {
    const { calls, limited } = this.#snapshot();
    const done = SYNC_PHASES.reduce((n, p) => n + (this.#counts[p] ?? 0), 0);
    const estimated = SYNC_PHASES.reduce((n, p) => n + Math.max(this.#estimates[p] ?? 0, this.#counts[p] ?? 0), 0);
    const known = Object.keys(this.#estimates).length > 1;
    const finished = FINISHED.includes(status);
    return {
      runId: this.#row.id,
      trigger: this.#row.trigger,
      status,
      phase: this.#phase,
      counts: { ...this.#counts },
      estimatedTotals: { ...this.#estimates },
      done,
      estimatedTotal: known ? estimated : null,
      percent: finished ? 100 : known && estimated > 0 ? Math.min(99, Math.floor((done / estimated) * 100)) : null,
      slackCalls: Object.values(calls).reduce((a, b) => a + b, 0),
      rateLimited: Object.values(limited).reduce((a, b) => a + b, 0),
      error,
      at: new Date().toISOString(),
    };
  }

  /** Publishes progress (throttled unless forced) and records it on the run at most once a second. */
  async #emit(force: boolean): Promise<void> {
    const now = Date.now();
    if (force || now - this.#lastEvent >= (this.#o.progressIntervalMs ?? 250)) {
      this.#lastEvent = now;
      this.#o.publish?.(this.#event('RUNNING', null));
    }
    if (force || now - this.#lastFlush >= 1000) await this.#flush();
  }

  async #flush(): Promise<void> {
    this.#lastFlush = Date.now();
    const { calls, limited } = this.#snapshot();
    await this.#db
      .updateTable('sync_runs')
      .set({
        phase: this.#phase,
        counts: JSON.stringify(this.#counts),
        estimated_totals: JSON.stringify(this.#estimates),
        slack_calls: JSON.stringify(calls),
        slack_rate_limited: JSON.stringify(limited),
        heartbeat_at: new Date(),
      })
      .where('id', '=', this.#row.id)
      .execute();
  }

  async #finish(status: SyncStatus, error: string | null, result: ApplyResult | undefined): Promise<SyncRun> {
    const { calls, limited } = this.#snapshot();
    const row = await this.#db
      .updateTable('sync_runs')
      .set({
        status,
        phase: this.#phase,
        error,
        counts: JSON.stringify(this.#counts),
        estimated_totals: JSON.stringify(this.#estimates),
        slack_calls: JSON.stringify(calls),
        slack_rate_limited: JSON.stringify(limited),
        diff_summary: result ? JSON.stringify(result.diff) : null,
        guard: result ? JSON.stringify(result.guard) : null,
        finished_at: new Date(),
        heartbeat_at: new Date(),
      })
      .where('id', '=', this.#row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    this.#row = row;
    this.#o.publish?.(this.#event(status, error));
    return row;
  }
}

