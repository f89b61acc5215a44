// How every example connects: the gateway's URL and an API client's credentials, from the
// environment (SLACKGATE_URL, SLACKGATE_CLIENT_ID, SLACKGATE_CLIENT_SECRET). `npm start` in demo
// mode prints a demo client's id and secret.
import { SlackgateClient } from 'slackgate/client';

export function connect(): SlackgateClient {
  const url = process.env.SLACKGATE_URL ?? 'http://127.0.0.1:4000';
  const clientId = process.env.SLACKGATE_CLIENT_ID;
  const clientSecret = process.env.SLACKGATE_CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    process.stderr.write('set SLACKGATE_CLIENT_ID and SLACKGATE_CLIENT_SECRET (slackgate client create, or the demo client npm start prints)\n');
    process.exit(2);
  }
  return new SlackgateClient({ url, clientId, clientSecret });
}

/** Runs an example's main, printing a failure as one line. */
export function run(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  );
}
