/** Build-time QR codes (src/lib/views/qr-svg.ts): each address encoded once per build, each use labelled on its own. */
import QRCode from 'qrcode';
import { describe, expect, it, vi } from 'vitest';
import { qrSvg } from '../../src/lib/views/qr-svg.ts';

describe('qrSvg', () => {
  it('encodes an address once however many pages show it, and labels each use', async () => {
    const spy = vi.spyOn(QRCode, 'toString');
    const url = 'https://kepu.example.org/subscribe/topics/health/';
    const onListing = await qrSvg(url, '科普日历 · 主题：卫生健康 订阅二维码');
    const onLanding = await qrSvg(url, '本页二维码');
    const other = await qrSvg('https://kepu.example.org/subscribe/topics/ai/', '本页二维码');
    expect(spy.mock.calls.map((c) => c[0])).toEqual([url, 'https://kepu.example.org/subscribe/topics/ai/']);
    expect(onListing).toMatch(/^<svg role="img" aria-label="科普日历 · 主题：卫生健康 订阅二维码" width="132" height="132" /);
    expect(onLanding).toMatch(/^<svg role="img" aria-label="本页二维码" /);
    // The same code under both labels; another address, another code.
    const body = (s: string) => s.slice(s.indexOf('<path'));
    expect(body(onListing)).toBe(body(onLanding));
    expect(body(other)).not.toBe(body(onLanding));
    spy.mockRestore();
  });

  it('keeps a label from breaking out of its attribute', async () => {
    const svg = await qrSvg('https://kepu.example.org/subscribe/calendar/', '"><script>x</script>');
    expect(svg).toMatch(/^<svg role="img" aria-label="scriptx\/script" /);
  });
});
