import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * GraphiQL served whole from the installed package (@graphql-yoga/render-graphiql: scripts,
 * styles and editor workers inlined), so the page works where no CDN can be reached, with a
 * small sign-in: client id and secret are exchanged for a token at POST /oauth/token, kept for
 * the browser tab (sessionStorage) and sent as `Authorization: Bearer …` with every GraphQL
 * request. In demo mode the page signs in with the demo client by itself.
 */
export interface GraphiqlPageOptions {
  /** The demo client the page signs in with (demo mode only: the simulated organization). */
  demoClient?: { id: string; secret: string };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// JSON inside a <script>: no "</script>" or "<!--" can end it early.
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const SIGN_IN_STYLE = `
  html, body, #root { height: 100%; margin: 0; }
  #sg-bar { position: fixed; top: 0; right: 0; z-index: 1000; display: flex; gap: 6px; align-items: center;
    padding: 6px 10px; font: 13px system-ui, sans-serif; background: #f6f7f9; border: 1px solid #d0d4da;
    border-radius: 0 0 0 8px; }
  #sg-bar input { font: inherit; padding: 3px 6px; width: 11em; }
  #sg-bar button { font: inherit; padding: 3px 10px; cursor: pointer; }
  #sg-error { color: #b00020; }
  #sg-bar[data-state="in"] form, #sg-bar[data-state="out"] #sg-out { display: none; }
`;

/** The page's own script: sign-in, the bearer token on GraphQL requests, GraphiQL once signed in. */
function signInScript(options: GraphiQLOptions, demo: GraphiqlPageOptions['demoClient']): string {
  return `
(function () {
  var KEY = 'slackgate.graphiql.token';
  var demo = ${scriptJson(demo ?? null)};
  var bar = document.getElementById('sg-bar');
  var status = document.getElementById('sg-status');
  var error = document.getElementById('sg-error');
  var rendered = false;
  function current() {
    try {
      var t = JSON.parse(sessionStorage.getItem(KEY) || 'null');
      return t && t.expiresAt > Date.now() + 5000 ? t : null;
    } catch (e) { return null; }
  }
  function show() {
    var t = current();
    bar.setAttribute('data-state', t ? 'in' : 'out');
    status.textContent = t ? 'Signed in as ' + t.clientId : 'Sign in with an API client:';
    if (t && !rendered) {
      rendered = true;
      YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), ${scriptJson(options)});
    }
  }
  function signIn(id, secret) {
    error.textContent = '';
    return originalFetch('/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: id, client_secret: secret }),
    }).then(function (res) {
      return res.json().then(function (body) {
        if (!res.ok) throw new Error(body.error_description || body.error || 'sign-in failed');
        sessionStorage.setItem(KEY, JSON.stringify({ token: body.access_token, clientId: id, expiresAt: Date.now() + body.expires_in * 1000 }));
        show();
      });
    }).catch(function (e) { error.textContent = e.message; });
  }
  var originalFetch = window.fetch.bind(window);
  // Every request to the API carries the tab's token (unless the headers editor sets one).
  window.fetch = function (input, init) {
    var url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    var t = current();
    if (t && new URL(url, location.href).pathname === '/graphql') {
      init = Object.assign({}, init);
      var headers = new Headers(init.headers || (input instanceof Request ? input.headers : undefined));
      if (!headers.has('authorization')) headers.set('authorization', 'Bearer ' + t.token);
      init.headers = headers;
    }
    return originalFetch(input, init).then(function (res) {
      if (res.status === 401 && t) { sessionStorage.removeItem(KEY); show(); if (demo) signIn(demo.id, demo.secret); }
      return res;
    });
  };
  document.getElementById('sg-form').addEventListener('submit', function (event) {
    event.preventDefault();
    signIn(document.getElementById('sg-id').value.trim(), document.getElementById('sg-secret').value);
  });
  document.getElementById('sg-out').addEventListener('click', function () {
    sessionStorage.removeItem(KEY);
    location.reload();
  });
  show();
  if (!current() && demo) signIn(demo.id, demo.secret);
})();`;
}

type Assets = typeof import('@graphql-yoga/render-graphiql/graphiql');

/**
 * Yoga's `renderGraphiQL`: the page for its options. The 9 MB of assets are loaded on the first
 * request for the page, not at start, so a server nobody opens GraphiQL on does not carry them.
 */
export function graphiqlRenderer(page: GraphiqlPageOptions = {}): (options: GraphiQLOptions) => Promise<string> {
  let assets: Promise<Assets> | undefined;
  const cache = new Map<string, string>();
  return async (options) => {
    const key = JSON.stringify(options);
    const known = cache.get(key);
    if (known) return known;
    const a = await (assets ??= import('@graphql-yoga/render-graphiql/graphiql'));
    const title = options.title ?? 'slackgate';
    const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(title)}</title>
    <link rel="icon" href="${a.favicon}" />
    <style>${a.css}</style>
    <style>${SIGN_IN_STYLE}</style>
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="sg-bar" data-state="out">
      <span id="sg-status">Sign in with an API client:</span>
      <form id="sg-form">
        <input id="sg-id" name="client_id" placeholder="client id" autocomplete="username" required />
        <input id="sg-secret" name="client_secret" type="password" placeholder="client secret" autocomplete="current-password" required />
        <button type="submit">Sign in</button>
      </form>
      <button id="sg-out" type="button">Sign out</button>
      <span id="sg-error" role="alert"></span>
    </div>
    <div id="root"></div>
    <script>
      (function () {
        function blobUrl(source) { return URL.createObjectURL(new Blob([source], { type: 'application/javascript' })); }
        var workers = {
          editorWorkerService: blobUrl(${scriptJson(a.editorWorkerService)}),
          json: blobUrl(${scriptJson(a.jsonWorker)}),
          graphql: blobUrl(${scriptJson(a.graphqlWorker)}),
        };
        self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: function (moduleId, label) { return workers[label]; } };
      })();
    </script>
    <script>${a.js.replace(/<\/script/gi, '<\\/script')}</script>
    <script>${signInScript(options, page.demoClient)}</script>
  </body>
</html>`;
    cache.set(key, html);
    return html;
  };
}
