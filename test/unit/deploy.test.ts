import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../../src/config.ts';

const read = (path: string) => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('deployment manifests', () => {
  it('name only variables slackgate reads in the Secret', async () => {
    const secret = await read('deploy/kubernetes/secret.yaml');
    const known = new Set(SETTINGS.flatMap((s) => [s.env, ...s.aliases]));
    const keys = [...secret.matchAll(/^ {2}([A-Z_]+):/gm)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys) expect(known, `${key} is not a slackgate setting`).toContain(key);
  });

  it('probe the health endpoints the server serves', async () => {
    const deployment = await read('deploy/kubernetes/deployment.yaml');
    expect(deployment).toContain('path: /readyz');
    expect(deployment).toContain('path: /healthz');
    expect(deployment).toMatch(/secretRef:\s+name: slackgate/);
  });

  it('build an image with production dependencies only, running as a non-root user', async () => {
    const dockerfile = await read('deploy/Dockerfile');
    expect(dockerfile).toContain('npm ci --omit=dev');
    expect(dockerfile).toMatch(/^USER node$/m);
    for (const dir of ['bin', 'src', 'migrations']) expect(dockerfile).toContain(`COPY --chown=root:root ${dir} ./${dir}`);
  });
});
