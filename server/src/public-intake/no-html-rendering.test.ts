/**
 * What residents write is shown as text everywhere, never parsed as HTML: no component of the web
 * app may render markup from a string. A new use of these APIs must come with a reason here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB_SRC = path.resolve(import.meta.dirname, '../../../web/src');
const HTML_SINKS = /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(tsx?|jsx?)$/.test(name) ? [full] : [];
  });
}

describe('no HTML rendering of free text', () => {
  it('the web app has no HTML sinks', () => {
    const files = sources(WEB_SRC);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => HTML_SINKS.test(readFileSync(f, 'utf8'))).map((f) => path.relative(WEB_SRC, f));
    expect(offenders).toEqual([]);
  });
});
