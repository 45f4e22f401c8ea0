import { describe, expect, it } from 'vitest';
import type { InvokeResult } from '../runtime/runtime.ts';
import type { ResponseBody } from '../runtime/types.ts';
import { MAX_TEXT, toolResult } from './tool-result.ts';

function result(status: number, body: ResponseBody, warnings: string[] = []): InvokeResult {
  return {
    operationId: 'Op',
    request: undefined,
    response: { status, headers: new Headers({ 'content-type': 'application/octet-stream' }), body },
    ok: status >= 200 && status < 300,
    durationMs: 1,
    pages: 1,
    warnings,
    connectionStatus: undefined,
    trace: [],
  };
}

const same = (text: string) => text;

describe('toolResult', () => {
  it('cuts a very long answer, saying how much is left out, and then gives no structured copy', () => {
    const big = { items: 'x'.repeat(MAX_TEXT + 10) };
    const r = toolResult(result(200, { kind: 'json', value: big }), same);
    const text = (r.content[0] as { text: string }).text;
    expect(text.length).toBeLessThan(MAX_TEXT + 100);
    expect(text).toMatch(/… \(\d+ more characters left out\)$/);
    expect(r.structuredContent).toBeUndefined();
  });

  it('gives other bytes as an embedded blob, an empty answer as a sentence, and warnings after', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(toolResult(result(200, { kind: 'binary', bytes }), same).content).toEqual([
      {
        type: 'resource',
        resource: { uri: 'flowport://responses/Op', mimeType: 'application/octet-stream', blob: 'AQID' },
      },
    ]);
    expect(toolResult(result(204, { kind: 'none' }, ['value `x` is not in the enum']), same).content).toEqual(
      [
        { type: 'text', text: 'The backend answered 204 with no body.' },
        { type: 'text', text: 'Warning: value `x` is not in the enum' },
      ],
    );
  });

  it('masks every text it gives, the structured copy included', () => {
    const mask = (text: string) => text.replaceAll('s3cret', '***');
    const r = toolResult(result(200, { kind: 'json', value: { token: 's3cret' } }), mask);
    expect(r.structuredContent).toEqual({ token: '***' });
    expect(JSON.stringify(r)).not.toContain('s3cret');
  });
});
