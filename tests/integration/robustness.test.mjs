// Bad input over raw sockets, slow clients, keep-alive and shutdown: the server answers or hangs up, and keeps
// serving everyone else.

import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';

import { assertSecurityHeaders } from '../lib/checks.mjs';
import { parseRawResponse, rawRequest, splitRawResponses, startServer } from '../lib/server.mjs';

const kHeaderTimeoutMs = 1000;

let server;
before(async () => { server = await startServer({ args: ['--header-timeout-ms', String(kHeaderTimeoutMs)] }); });
after(async () => { await server?.stop(); });

async function assertStillServing(what) {
  const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5000) });
  assert.equal(res.status, 200, `after ${what}: /healthz is ${res.status}`);
  assert.equal((await res.json()).status, 'ok');
}

// [name, raw bytes, accepted statuses]: each is sent on a fresh socket, then /healthz must still answer.
const kBadRequests = [
  ['malformed request line', 'GARBAGE\r\n\r\n', [400]],
  ['request line without version', 'GET /\r\n\r\n', [400]],
  ['unknown HTTP version', 'GET / HTTP/9.9\r\nHost: x\r\n\r\n', [400, 505]],
  ['header without colon', 'GET / HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n', [400]],
  ['header block over 16 KiB', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20 * 1024)}\r\n\r\n`, [431, 400]],
  ['many headers over 16 KiB',
    `GET / HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 800 }, (_, i) => `X-H${i}: ${'b'.repeat(20)}\r\n`).join('')}\r\n`,
    [431, 400]],
  ['request line over 16 KiB', `GET /${'c'.repeat(20 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`, [414, 431, 400]],
  ['body over 1 MiB',
    'POST /dang-nhap HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
      'Content-Length: 2000000\r\n\r\n', [413]],
  ['negative content-length', 'POST /dang-nhap HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n', [400]],
  ['two different content-lengths',
    'POST /dang-nhap HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabc', [400]],
  ['invalid percent escape', 'GET /thu-tuc?q=%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', [400]],
  ['invalid UTF-8', 'GET /thu-tuc?q=%C3%28 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', [400]],
  ['NUL byte in the target', 'GET /thu-tuc?q=a\0b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', [400]],
];

describe('malformed requests', () => {
  for (const [name, bytes, statuses] of kBadRequests) {
    test(`${name} → ${statuses.join(' or ')}, and the server keeps serving`, async () => {
      const r = await rawRequest(server.port, bytes, { timeoutMs: 5000 });
      const { status, headers, body } = parseRawResponse(r.text);
      assert.ok(statuses.includes(status),
        `status ${status}, expected ${statuses.join('/')}; got ${JSON.stringify(r.text.slice(0, 300))} ` +
          `(closed ${r.closed}, timed out ${r.timedOut})`);
      assertSecurityHeaders(headers, name);
      if (name.startsWith('invalid')) {
        assert.match(headers['content-type'] ?? '', /^text\/html/);
        assert.match(body, /<html\b[^>]*lang="vi"/);
      }
      await assertStillServing(name);
    });
  }

  test('a client that connects and hangs up at once does not disturb the server', async () => {
    await new Promise((resolve) => {
      const s = net.connect(server.port, '127.0.0.1', () => { s.destroy(); resolve(); });
      s.on('error', resolve);
    });
    await assertStillServing('an empty connection');
  });
});

describe('slow clients', () => {
  test('a slow-loris header is cut off after --header-timeout-ms while others are served', async () => {
    const loris = rawRequest(server.port, 'GET / HTTP/1.1\r\nHost: x\r\n', { timeoutMs: 3000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const parallelStarted = Date.now();
    await assertStillServing('a parallel slow-loris');
    assert.ok(Date.now() - parallelStarted < kHeaderTimeoutMs, 'a normal request waited behind the slow client');
    const r = await loris;
    assert.ok(r.closed && !r.timedOut, `the server kept the slow socket open for ${r.elapsedMs} ms`);
    assert.ok(r.elapsedMs >= kHeaderTimeoutMs * 0.8, `closed after ${r.elapsedMs} ms, before the timeout`);
    if (r.data.length > 0) {
      assert.equal(parseRawResponse(r.text).status, 408, `answered ${r.text.slice(0, 100)}`);
    }
  });

  test('trickling one header byte at a time does not extend the header timeout', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    const started = Date.now();
    const closed = new Promise((resolve) => {
      socket.on('close', () => resolve(Date.now() - started));
      socket.on('error', () => {});
    });
    const request = `GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ${'z'.repeat(200)}`;
    let i = 0;
    const timer = setInterval(() => {
      if (socket.writable && i < request.length) {
        socket.write(request[i++]);
      }
    }, 100);
    const elapsed = await Promise.race([closed, new Promise((resolve) => setTimeout(() => resolve(null), 4000).unref())]);
    clearInterval(timer);
    socket.destroy();
    assert.ok(elapsed !== null, 'a client trickling bytes kept its socket open for 4 s');
    await assertStillServing('a trickling client');
  });
});

describe('keep-alive', () => {
  test('two requests on one socket are both answered', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((resolve, reject) => { socket.on('connect', resolve); socket.on('error', reject); });
    let buffered = Buffer.alloc(0);
    socket.on('data', (d) => { buffered = Buffer.concat([buffered, d]); });

    // Resolves with one complete response (status line, headers, content-length body) from the buffer.
    const readResponse = () => new Promise((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`no full response; got ${buffered.toString('latin1')}`)), 5000);
      const poll = setInterval(() => {
        const text = buffered.toString('latin1');
        const end = text.indexOf('\r\n\r\n');
        if (end < 0) {
          return;
        }
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, end))?.[1] ?? 0);
        if (buffered.length >= end + 4 + length) {
          clearInterval(poll);
          clearTimeout(deadline);
          const response = parseRawResponse(text.slice(0, end + 4 + length));
          buffered = buffered.subarray(end + 4 + length);
          resolve(response);
        }
      }, 10);
    });

    try {
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
      const first = await readResponse();
      assert.equal(first.status, 200);
      assert.doesNotMatch(first.headers.connection ?? '', /close/i, 'the server closed a keep-alive connection');
      socket.write('GET /api/v1/procedures/1.001193 HTTP/1.1\r\nHost: x\r\n\r\n');
      const second = await readResponse();
      assert.equal(second.status, 200);
    } finally {
      socket.destroy();
    }
  });

  test('pipelined requests are answered in order', async () => {
    const r = await rawRequest(server.port,
      'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /no-such-page HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      { timeoutMs: 5000 });
    const statuses = splitRawResponses(r.text).map((response) => response.status);
    assert.deepEqual(statuses, [200, 404], `responses: ${JSON.stringify(r.text.replace(/<[^>]*>/g, '').slice(0, 1500))}`);
    assert.ok(r.closed, 'the server did not close after Connection: close');
  });

  test('Connection: close is honoured', async () => {
    const r = await rawRequest(server.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      { timeoutMs: 3000 });
    assert.equal(parseRawResponse(r.text).status, 200);
    assert.ok(r.closed && !r.timedOut, 'socket still open after Connection: close');
  });
});

describe('graceful shutdown', () => {
  const kRefused = { code: 'ECONNREFUSED' };
  const probe = (port) => rawRequest(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');

  test('SIGTERM with an idle keep-alive connection open: exit 0 within 5 s, then the port is closed', async () => {
    const own = await startServer();
    const idle = net.connect(own.port, '127.0.0.1');
    idle.on('error', () => {});
    await new Promise((resolve) => idle.on('connect', resolve));
    idle.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    try {
      const exit = await own.stop({ timeoutMs: 5000 });
      assert.equal(exit.code, 0);
    } finally {
      idle.destroy();
    }
    await assert.rejects(probe(own.port), kRefused);
  });

  test('a response not yet read by the client at SIGTERM is still delivered whole', async () => {
    const own = await startServer();
    try {
      const socket = net.connect(own.port, '127.0.0.1');
      await new Promise((resolve, reject) => { socket.on('connect', resolve); socket.on('error', reject); });
      socket.pause();
      socket.write('GET /api/v1/procedures?page_size=100 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const stopping = own.stop({ timeoutMs: 5000 });
      const chunks = [];
      const ended = new Promise((resolve) => {
        socket.on('data', (d) => chunks.push(d));
        socket.on('close', resolve);
        socket.on('error', () => {});
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      socket.resume();
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('utf8');
      const { status, headers, body } = parseRawResponse(text);
      assert.equal(status, 200, `response: ${text.slice(0, 200)}`);
      if (headers['content-length']) {
        assert.equal(Buffer.byteLength(body), Number(headers['content-length']), 'the body was cut short');
      }
      const exit = await stopping;
      assert.equal(exit.code, 0);
    } finally {
      await own.stop().catch(() => {});
    }
    await assert.rejects(probe(own.port), kRefused);
  });

  test('a request whose header is arriving at SIGTERM is still answered', async () => {
    const own = await startServer({ args: ['--header-timeout-ms', '4000'] });
    try {
      const socket = net.connect(own.port, '127.0.0.1');
      await new Promise((resolve, reject) => { socket.on('connect', resolve); socket.on('error', reject); });
      const chunks = [];
      const ended = new Promise((resolve) => {
        socket.on('data', (d) => chunks.push(d));
        socket.on('close', resolve);
        socket.on('error', () => {});
      });
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const stopping = own.stop({ timeoutMs: 5000 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      socket.write('Connection: close\r\n\r\n');
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      socket.destroy();
      const { status } = parseRawResponse(Buffer.concat(chunks).toString('latin1'));
      const exit = await stopping;
      assert.equal(status, 200, 'the request in flight was dropped');
      assert.ok(exit.elapsedMs < 5000, `exit took ${exit.elapsedMs} ms`);
    } finally {
      await own.stop().catch(() => {});
    }
    await assert.rejects(probe(own.port), kRefused);
  });
});
