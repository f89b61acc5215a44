import type { App as BoltApp } from '@slack/bolt';
import type { Kysely } from 'kysely';
import type { RequestService } from '../access/requests/index.ts';
import type { ReviewService } from '../access/reviews.ts';
import type { DB } from '../db/schema.ts';
import type { Logger } from '../log.ts';
import type { SlackConnection } from '../slack/connection.ts';
import type { Clock } from '../jobs/queue.ts';

/** What the app's features share: the cache, the services they call, Slack. */
export interface SlackAppContext {
  db: Kysely<DB>;
  logger: Logger;
  /** Messages posted from jobs go through the paced, counted bot client. */
  connection: SlackConnection;
  now: Clock;
  slashCommand: string;
  /** Lead times of expiry reminders, in seconds (none for grants shorter than the lead). */
  reminderLeadsSeconds: number[];
  reviewReminderSeconds: number;
}

export interface SlackAppServices {
  requests: RequestService;
  reviews: ReviewService;
}

/** The Web API client Bolt hands listeners (typed from Bolt, not re-declared). */
export type ListenerClient = BoltApp['client'];

/** A Slack refusal in words: a short ephemeral message only the person sees. */
export async function tellEphemeral(client: ListenerClient, options: { channel?: string; user: string; text: string }): Promise<void> {
  if (options.channel) {
    try {
      await client.chat.postEphemeral({ channel: options.channel, user: options.user, text: options.text });
      return;
    } catch {
      // Not a member of that conversation (a message shown to someone else): answer in their DM.
    }
  }
  const own = (await client.conversations.open({ users: options.user })).channel?.id;
  if (own) await client.chat.postEphemeral({ channel: own, user: options.user, text: options.text });
}
