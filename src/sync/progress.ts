import type { SyncProgressEvent } from './types.ts';

const BAR = 24;

function bar(percent: number | null): string {
  if (percent === null) return `[${'·'.repeat(BAR)}]`;
  const filled = Math.round((percent / 100) * BAR);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}]`;
}

export function describeProgress(e: SyncProgressEvent): string {
  const pct = e.percent === null ? '  ?%' : `${String(e.percent).padStart(3)}%`;
  const counts = Object.entries(e.counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([phase, n]) => `${phase} ${n?.toLocaleString('en-US')}`)
    .join(', ');
  return `${bar(e.percent)} ${pct} ${e.phase ?? 'starting'}${counts ? ` — ${counts}` : ''} · ${e.slackCalls} Slack calls, ${e.rateLimited} rate-limited`;
}

/**
 * Shows sync progress: one line redrawn in place on a terminal, plain lines otherwise (at
 * most one every few seconds, and on every phase change).
 */
export function progressPrinter(out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }): (e: SyncProgressEvent) => void {
  let lastPhase: string | null = null;
  let lastLine = 0;
  return (e) => {
    const line = describeProgress(e);
    const finished = e.status !== 'RUNNING' && e.status !== 'QUEUED';
    if (out.isTTY) {
      const width = out.columns ?? 100;
      out.write(`\r${line.slice(0, width - 1).padEnd(width - 1)}${finished ? '\n' : ''}`);
      return;
    }
    const now = Date.now();
    if (finished || e.phase !== lastPhase || now - lastLine > 5000) {
      out.write(`${line}\n`);
      lastPhase = e.phase;
      lastLine = now;
    }
  };
}
