// The digest of the TypeScript sources a build of dist/ is made from: the build records it, and
// bin/slackgate.js runs dist/ only when the sources still have it (otherwise it runs them
// directly), so an edited checkout never runs a stale build.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';

const SOURCE_DIRS = ['src', 'migrations'];

/** Where a build records the digest it was made from; written last, so a cut-short build has none. */
export const buildStamp = (root) => new URL('dist/build.json', root);

/** A SHA-1 over the path and content of every file under src/ and migrations/, in path order. */
export async function sourceDigest(root) {
  const hash = createHash('sha1');
  const prefix = new URL(root).pathname.length;
  for (const dir of SOURCE_DIRS) {
    const entries = await readdir(new URL(`${dir}/`, root), { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile())
      .map((e) => `${e.parentPath}/${e.name}`)
      .sort();
    const contents = await Promise.all(files.map((file) => readFile(file)));
    files.forEach((file, i) => hash.update(`${file.slice(prefix)}\0`).update(contents[i]).update('\0'));
  }
  return hash.digest('hex');
}
