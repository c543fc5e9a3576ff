import { describe, expect, it } from 'vitest';
import { readBodyCapped } from './read-body';

/** A chunked body (no Content-Length) of `chunks` pieces, counting how many were pulled. */
function streamed(chunks: number, size: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  const request = new Request('http://localhost/x', { method: 'PATCH', body, duplex: 'half' } as RequestInit);
  return { request, pulled: () => pulled };
}

describe('readBodyCapped', () => {
  it('reads a body within the limit, multi-byte characters included', async () => {
    const text = '{"note":"已上线 ✓"}';
    expect(await readBodyCapped(new Request('http://localhost/x', { method: 'PATCH', body: text }), 1024)).toBe(text);
  });

  it('stops reading a chunked body at the limit instead of buffering all of it', async () => {
    const { request, pulled } = streamed(10_000, 16 * 1024);
    await expect(readBodyCapped(request, 64 * 1024)).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(pulled()).toBeLessThan(10);
  });

  it('refuses a declared length over the limit without reading', async () => {
    const { request } = streamed(10, 1024);
    // fetch's Request drops Content-Length; the server's requests carry the client's.
    const declared = { headers: new Headers({ 'content-length': String(1024 * 1024) }), body: request.body } as Request;
    await expect(readBodyCapped(declared, 64 * 1024)).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(declared.body?.locked).toBe(false);
  });
});
