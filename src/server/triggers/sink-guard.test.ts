import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetch } from 'undici';
import { describe, expect, it } from 'vitest';
import { checkedRedirects, isInternalAddress, publicOnlyDispatcher, refusedSinkHost } from './sink-guard.ts';

describe('sink guard', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['::1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['8.8.8.8', false],
    ['2606:4700::1111', false],
    ['::ffff:8.8.8.8', false],
  ])('%s internal: %s', (address, expected) => {
    expect(isInternalAddress(address)).toBe(expected);
  });

  it('refuses internal hosts in sink URLs and names the option that allows them', () => {
    expect(refusedSinkHost(new URL('http://localhost:8080/x'))).toMatch(/--private-sinks/);
    expect(refusedSinkHost(new URL('http://[::1]/x'))).toMatch(/internal/);
    expect(refusedSinkHost(new URL('http://169.254.169.254/latest'))).toMatch(/internal/);
    expect(refusedSinkHost(new URL('https://hooks.example.com/x'))).toBeUndefined();
  });

  it('refuses at connect time a name that resolves to an internal address', async () => {
    const server = createServer((_req, res) => res.end('reached'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const dispatcher = publicOnlyDispatcher();
    try {
      // `localhost` is a name: it goes through the guarded lookup.
      await expect(fetch(`http://localhost:${port}/`, { dispatcher })).rejects.toThrow();
      const cause = await fetch(`http://localhost:${port}/`, { dispatcher }).catch(
        (e: Error) => e.cause as Error,
      );
      expect(String(cause)).toMatch(/internal address/);
    } finally {
      await dispatcher.close();
      await new Promise((r) => server.close(r));
    }
  });

  it('checks every hop of a redirect before following it', async () => {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      const port = (server.address() as AddressInfo).port;
      if (req.url === '/public') res.writeHead(302, { location: `http://127.0.0.1:${port}/inside` }).end();
      else if (req.url === '/loop') res.writeHead(301, { location: '/loop' }).end();
      else if (req.url === '/moved') res.writeHead(308, { location: '/there' }).end();
      else res.end(`reached ${req.url}`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    // In this test `localhost` stands for a public name and the literal 127.0.0.1 for an internal one.
    const follow = checkedRedirects(globalThis.fetch, (url) =>
      url.hostname === '127.0.0.1' ? 'an internal address' : undefined,
    );
    try {
      expect(await (await follow(`http://localhost:${port}/moved`)).text()).toBe('reached /there');
      await expect(follow(`http://localhost:${port}/public`)).rejects.toThrow('an internal address');
      expect(hits).not.toContain('/inside');
      await expect(follow(`http://localhost:${port}/loop`)).rejects.toThrow(/redirects more than 5 times/);
      // A caller asking for redirects as they are gets the redirect itself.
      expect((await follow(`http://localhost:${port}/public`, { redirect: 'manual' })).status).toBe(302);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
