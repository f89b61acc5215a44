import { describe, expect, it } from 'vitest';
import { jsonText } from '../../src/slack/answers.ts';

// jsonText rewrites a JSON answer's non-ASCII characters as \u escapes before parsing: what it
// parses to must be exactly what Node's own decoding parses to, whatever the answer holds.

function parsedBoth(bytes: Buffer): [unknown, unknown] {
  return [JSON.parse(jsonText(bytes)), JSON.parse(bytes.toString('utf8'))];
}

const NAMES = ['José', 'Zoë', 'Łukasz', 'Nguyễn', '佐藤 愛子', 'Дмитрий', 'محمد', 'אביגיל', '🎉 party', 'a\u0000b', 'tab\tand "quotes" \\ back', '\u2028\u2029', '\uFEFFbom'];

describe('reading a JSON answer', () => {
  it('parses to the same values as Node decoding UTF-8, for every kind of character', () => {
    const members = NAMES.map((name, i) => ({ id: `U${i}`, real_name: name, profile: { title: `${name} ${name}`, status_emoji: ':tada:', fields: { [name]: name } } }));
    const bytes = Buffer.from(JSON.stringify({ ok: true, members, response_metadata: { next_cursor: 'dXNlcjpVMEc5UUYxMjM=' } }));
    const [ours, node] = parsedBoth(bytes);
    expect(ours).toEqual(node);
    expect((ours as { members: { real_name: string }[] }).members.map((m) => m.real_name)).toEqual(NAMES);
  });

  it('is plain ASCII text when the answer is ASCII, and ASCII after rewriting when it is not', () => {
    const ascii = Buffer.from('{"ok":true,"members":[{"id":"U1","name":"jose"}]}');
    expect(jsonText(ascii)).toBe(ascii.toString('utf8'));
    const text = jsonText(Buffer.from(JSON.stringify({ name: '佐藤 🎉 José' })));
    expect(text).toMatch(/^[\x00-\x7f]*$/);
    expect(text).toBe('{"name":"\\u4f50\\u85e4 \\ud83c\\udf89 Jos\\u00e9"}');
  });

  it('handles characters on either side of the blocks it skips, and answers much larger than the last', () => {
    // Long ASCII runs (skipped a block at a time) with characters placed at and around block edges.
    for (const at of [0, 1, 1021, 1022, 1023, 1024, 1025, 2047, 4096]) {
      const value = 'x'.repeat(at) + 'é中🎉' + 'y'.repeat(3000) + 'Ж';
      const bytes = Buffer.from(JSON.stringify({ v: value }));
      expect(JSON.parse(jsonText(bytes))).toEqual({ v: value });
    }
    // Mostly non-ASCII (escapes grow the text past the buffer's first size), then small again.
    const dense = '中'.repeat(200_000);
    expect(JSON.parse(jsonText(Buffer.from(JSON.stringify({ v: dense }))))).toEqual({ v: dense });
    expect(JSON.parse(jsonText(Buffer.from('{"v":"ü"}')))).toEqual({ v: 'ü' });
  });

  it('treats invalid UTF-8 as Node does (replacement characters), not as escapes', () => {
    const cases = [
      Buffer.concat([Buffer.from('{"v":"a'), Buffer.from([0xff]), Buffer.from('b"}')]), // not a lead byte
      Buffer.concat([Buffer.from('{"v":"a'), Buffer.from([0xe4, 0xb8]), Buffer.from('"}')]), // cut short
      Buffer.concat([Buffer.from('{"v":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]), // overlong
      Buffer.concat([Buffer.from('{"v":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), // a surrogate
      Buffer.concat([Buffer.from('{"v":"'), Buffer.from([0xf4, 0x90, 0x80, 0x80]), Buffer.from('"}')]), // above U+10FFFF
    ];
    for (const bytes of cases) {
      const [ours, node] = parsedBoth(bytes);
      expect(ours).toEqual(node);
      expect((ours as { v: string }).v).toContain('\uFFFD');
    }
  });

  it('fails on text that is not JSON as JSON.parse does', () => {
    expect(() => JSON.parse(jsonText(Buffer.from('<html>é</html>')))).toThrow(SyntaxError);
    expect(() => JSON.parse(jsonText(Buffer.from('{"v": é}')))).toThrow(SyntaxError);
  });
});
