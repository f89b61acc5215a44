import { describe, expect, it } from 'vitest';
import { scrubSecrets } from '../../src/slackApp/transport.ts';

describe("the Slack app's log lines", () => {
  it('never carry a token, whatever Bolt puts in them', () => {
    const line = scrubSecrets('Received a message on the WebSocket: {"token":"legacyVerif123","trigger_id":"1.2.3"} via xapp-1-A1-2-abc and xoxb-1-2-3; token=abc&x=1');
    expect(line).not.toMatch(/legacyVerif123|xapp-1|xoxb-1|token=abc/);
    expect(line).toContain('"token":"[redacted]"');
    expect(line).toContain('"trigger_id":"1.2.3"');
  });
});
