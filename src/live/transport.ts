import type { LiveCache } from './liveCache.ts';

/** What the live cache needs of the Slack app transport: a place to take events before their ack. */
export interface SlackEventSource {
  sinkEvents(sink: (body: Record<string, unknown>) => Promise<'queued' | 'duplicate' | 'ignored'>): void;
}

/**
 * Takes the live cache's events from the app transport (Socket Mode or the signed
 * `/slack/events` URL): each delivery of a followed type is written to the durable queue, and
 * only then acknowledged; a write that fails leaves it unacknowledged, and Slack delivers it
 * again. Redeliveries (also those another replica took) are duplicates by event_id.
 */
export function listenForLiveEvents(app: SlackEventSource, live: LiveCache): void {
  app.sinkEvents((body) => live.accept(body as Parameters<LiveCache['accept']>[0]));
}
