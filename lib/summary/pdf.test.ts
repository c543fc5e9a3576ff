import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PdfBusyError, cachedPdf, pdfRenders, renderPdf } from './pdf';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hutong-pdf-cache-'));
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const key = { week: '2021-W48', scope: '*', locale: 'zh-CN', generatedAt: '2021-12-06T01:00:00.000Z' };

describe('cachedPdf', () => {
  it('prints a stored summary once per language; the second request is served from disk at once', async () => {
    let renders = 0;
    const slowRender = async () => {
      renders += 1;
      await new Promise((r) => setTimeout(r, 1500));
      return Buffer.from(`%PDF-1.7 render ${renders}`);
    };
    const [a, b] = await Promise.all([cachedPdf(key, slowRender, dir), cachedPdf(key, slowRender, dir)]);
    expect(renders).toBe(1);
    expect(b.equals(a)).toBe(true);

    const started = performance.now();
    const again = await cachedPdf(key, slowRender, dir);
    expect(performance.now() - started).toBeLessThan(500);
    expect(again.toString()).toBe('%PDF-1.7 render 1');
    expect(renders).toBe(1);

    await cachedPdf({ ...key, locale: 'en' }, slowRender, dir);
    await cachedPdf({ ...key, generatedAt: '2021-12-07T01:00:00.000Z' }, slowRender, dir);
    expect(renders).toBe(3);
  });

  it('stores nothing when the render fails', async () => {
    await expect(cachedPdf({ ...key, week: '2021-W49' }, () => Promise.reject(new Error('no chromium')), dir)).rejects.toThrow('no chromium');
    // Only the three files of the test above: no PDF and no half-written temporary file.
    expect(fs.readdirSync(dir)).toHaveLength(3);
  });
});

describe('renderPdf', () => {
  it('refuses at once when the render queue is full', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const held = [0, 1, 2].map(() => pdfRenders().tryRun(() => gate));
    // Any existing file passes the "is Chromium there" check; the queue answers before a launch.
    await expect(renderPdf('<p>x</p>', { chromiumPath: process.execPath })).rejects.toBeInstanceOf(PdfBusyError);
    release();
    await Promise.all(held);
  });
});
