// The GraphQL benchmark's peer: PostGraphile v5 (amber preset, production mode) over the same
// database, as a team would point it at slackgate's tables instead. It sees the tables as they
// are, plus one SQL function the benchmark adds for the account search (PostGraphile's way to
// expose a search it does not generate). Prints one JSON line with its URL once it listens.
// Run: `node --import ./with-resolvers.mjs --import tsx postgraphile-server.ts <database url>`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { postgraphile } from 'postgraphile';

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  // The same pool size as a slackgate replica's (10).
  pgServices: [makePgService({ connectionString: process.argv[2], schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { graphiql: false },
  grafast: { explain: false },
});
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
await serv.addTo(server);
await pgl.getSchema();
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => void Promise.resolve(pgl.release()).then(() => process.exit(0))));
