import type { IncomingMessage } from 'node:http';
import { jsonResponse, type WebResponse } from '../web/dispatch.ts';
import type { DeliveryOptions, SimulatedAppSurface } from './surface.ts';

/**
 * `/_simulator/app/…`: what a person does in Slack, for tests and demos driving the simulator
 * over HTTP (the same operations as `RunningSimulator.app` in-process).
 */
export async function handleAppControl(app: SimulatedAppSurface, req: IncomingMessage, route: string, url: URL, raw: Buffer): Promise<WebResponse> {
  const method = (req.method ?? 'GET').toUpperCase();
  let body: Record<string, unknown> = {};
  if (raw.length > 0) {
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      return jsonResponse(400, { ok: false, error: 'body must be JSON' });
    }
  }
  const options = (body.delivery ?? {}) as DeliveryOptions;
  const ok = (extra: Record<string, unknown> = {}) => jsonResponse(200, { ok: true, ...extra });
  const user = typeof body.user === 'string' ? body.user : (url.searchParams.get('user') ?? undefined);
  try {
    switch (`${method} ${route}`) {
      case 'GET ':
        return ok({
          endpoints: [
            'POST configure {requestUrls, signingSecret}',
            'POST click {user, actionId, value?, message: {channel, ts} | viewId}',
            'POST submit {user, viewId, values}',
            'POST suggest {user, viewId, actionId, value}',
            'POST command {user, command, text}',
            'POST home {user}',
            'GET messages?user=',
            'GET ephemerals?user=',
            'GET views?user=',
          ],
          connections: app.connectionCount,
          appToken: app.appToken,
        });
      case 'POST configure':
        if (Array.isArray(body.requestUrls)) app.requestUrls = body.requestUrls.map(String);
        if (typeof body.signingSecret === 'string') app.app.signingSecret = body.signingSecret;
        return ok({ requestUrls: app.requestUrls });
      case 'POST click':
        return ok({ deliveries: await app.click(body as Parameters<SimulatedAppSurface['click']>[0], options) });
      case 'POST submit':
        return ok({ deliveries: await app.submit(body as Parameters<SimulatedAppSurface['submit']>[0], options) });
      case 'POST suggest':
        return ok({ deliveries: await app.suggest(body as Parameters<SimulatedAppSurface['suggest']>[0], options) });
      case 'POST command':
        return ok({ deliveries: await app.command(body as Parameters<SimulatedAppSurface['command']>[0], options) });
      case 'POST home':
        if (!user) return jsonResponse(400, { ok: false, error: 'user is required' });
        return ok({ deliveries: await app.openHome(user, options) });
      case 'GET messages':
        if (!user) return jsonResponse(400, { ok: false, error: 'user is required' });
        return ok({ messages: app.messagesTo(user) });
      case 'GET ephemerals':
        if (!user) return jsonResponse(400, { ok: false, error: 'user is required' });
        return ok({ messages: app.ephemeralsFor(user) });
      case 'GET views':
        return ok({ home: user ? (app.homeOf(user) ?? null) : null, modal: user ? (app.openModalOf(user) ?? null) : null });
      default:
        return jsonResponse(404, { ok: false, error: `no control endpoint ${method} /_simulator/app/${route}` });
    }
  } catch (error) {
    return jsonResponse(409, { ok: false, error: (error as Error).message });
  }
}
