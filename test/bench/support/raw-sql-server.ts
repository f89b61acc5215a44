// The baseline for the GraphQL benchmark: the same answers from one hand-written SQL statement
// per request, served by a bare node:http handler over a pg Pool.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.argv[2], max: 10 });

const GRANTS = `
  select coalesce(json_agg(row_to_json(t)), '[]') as page from (
    select g.external_id as "externalId", g.granted_at as "grantedAt",
      json_build_object('slackId', a.slack_id, 'email', a.email, 'displayName', a.display_name) as account,
      json_build_object('externalId', e.external_id, 'displayName', e.display_name,
        'resource', json_build_object('displayName', r.display_name, 'resourceType', r.resource_type)) as entitlement
    from grants g join accounts a on a.id = g.account_id join entitlements e on e.id = g.entitlement_id join resources r on r.id = e.resource_id
    where g.id > $1 order by g.id limit 100) t`;
const ACCOUNTS = `
  select coalesce(json_agg(row_to_json(t)), '[]') as page from (
    select slack_id as "slackId", email, display_name as "displayName" from accounts
    where display_name ilike $1 or real_name ilike $1 or email ilike $1 or username ilike $1 order by id limit 20) t`;

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const run = url.pathname === '/grants' ? pool.query(GRANTS, [Number(url.searchParams.get('after') ?? 0)]) : pool.query(ACCOUNTS, [`%${url.searchParams.get('search') ?? ''}%`]);
  run.then(
    (r) => {
      const body = JSON.stringify({ data: r.rows[0]?.page });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    },
    (error: Error) => {
      res.writeHead(500);
      res.end(error.message);
    },
  );
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
