// Follow a sync live: the run in progress (or the next one), one line per progress report, until
// it ends. With --start, start one first. Reconnects by itself if the gateway goes away.
//
//   npx tsx examples/follow-sync.ts --start
//
// Needs a client with the sync scope (or read, to only follow).
import { StartSyncDocument, SyncProgressDocument } from 'slackgate/client';
import { connect, run } from './connect.ts';

run(async () => {
  const client = connect();
  let runId: string | undefined;
  if (process.argv.includes('--start')) {
    const { startSync } = await client.request(StartSyncDocument, { input: {} });
    if (!startSync.run) throw new Error(`cannot start a sync: ${startSync.errors.map((e) => e.message).join('; ')}`);
    runId = startSync.run.id;
    process.stdout.write(`started sync ${runId}\n`);
  }
  let status = 'unknown';
  const stream = client.subscribe(SyncProgressDocument, { runId }, { resume: (last, vars) => ({ ...vars, runId: last.syncProgress.run.id }) });
  for await (const { syncProgress: p } of stream) {
    status = p.status;
    const percent = p.percent === null || p.percent === undefined ? '' : ` ${p.percent}%`;
    process.stdout.write(`${p.at} ${p.status}${p.phase ? ` ${p.phase}` : ''} ${p.done}${p.estimatedTotal ? `/${p.estimatedTotal}` : ''}${percent}\n`);
  }
  process.stdout.write(`sync ended: ${status}\n`);
  return status === 'SUCCEEDED' ? 0 : 1;
});
