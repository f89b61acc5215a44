import type { LiveCache } from './liveCache.ts';
import { LIVE_EVENT_TYPES } from './apply.ts';

/** What the live cache needs of the Slack app transport: Bolt's `app.event(type, listener)`. */
export interface SlackEventSource {
  event(type: string, listener: (args: { body: unknown }) => Promise<void>): unknown;
}

/**
 * Registers the live cache's events on the app transport (Socket Mode or the signed
 * `/slack/events` URL): every delivery of a followed type is queued durably right after Bolt's
 * ack. Deliveries another replica took already never reach here (the transport's dispatch point).
 */
export function listenForLiveEvents(app: SlackEventSource, live: LiveCache): void {
  for (const type of LIVE_EVENT_TYPES) {
    app.event(type, async ({ body }) => {
      await live.accept(body as Parameters<LiveCache['accept']>[0]);
    });
  }
}
