import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import type { LogFormat } from '../../src/config.ts';

function written(format: LogFormat, log: (logger: ReturnType<typeof createLogger>) => void): string {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  log(createLogger({ level: 'info', format, destination: out }));
  return text;
}

describe('the logger', () => {
  it('writes one JSON object a line by default, with secrets redacted', () => {
    const line = written('json', (l) => l.info({ runId: 7, token: 'xoxb-secret' }, 'sync finished'));
    const entry = JSON.parse(line.trim()) as Record<string, unknown>;
    expect(entry).toMatchObject({ msg: 'sync finished', runId: 7, token: '[redacted]', service: 'slackgate', level: 30 });
    expect(line).not.toContain('xoxb-secret');
  });

  it('writes readable lines in the pretty format, with secrets redacted', () => {
    const text = written('pretty', (l) => l.warn({ runId: 7, authorization: 'Bearer xoxb-secret' }, 'sync slowed down'));
    expect(text).toMatch(/WARN.*sync slowed down/);
    expect(text).toContain('runId: 7');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain('xoxb-secret');
    expect(() => JSON.parse(text)).toThrow();
  });
});
