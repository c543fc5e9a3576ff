/**
 * Reads a request body as UTF-8 text, at most `maxBytes` of it. Counted while streaming, so a body
 * sent without Content-Length (chunked) or with a false one is cut off at the limit instead of
 * being read into memory whole; a declared length over the limit is refused before reading.
 */
import type { AppError } from '../errors';
import { invalidField } from '../forms/validate-input';

function tooLarge(maxBytes: number): AppError {
  return invalidField('', 'bodyTooLarge', { max: maxBytes });
}

export async function readBodyCapped(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}
