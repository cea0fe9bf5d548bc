import { describe, expect, it } from 'vitest';
import { Filesystem } from '../filesystem/filesystem.ts';
import { Vfs } from '../filesystem/vfs.ts';
import { createStaticFileHandler, type PythonFlavor } from './static-file-server.ts';

function server(flavor: PythonFlavor = 'python2') {
  const fs = Filesystem.blank({ fsType: 'ext4', uuid: 'r' });
  fs.mkdirp('/root/site/docs');
  fs.writeFile('/root/site/docs/a.txt', 'A');
  const vfs = new Vfs();
  vfs.mount({ source: '/dev/vda2', target: '/', fs, fsType: 'ext4', options: 'rw' });
  const log: string[] = [];
  const handler = createStaticFileHandler({
    vfs,
    root: '/root/site',
    flavor,
    pythonVersion: flavor === 'python2' ? '2.7.5' : '3.10.12',
    now: () => Date.UTC(2015, 10, 11, 17, 3, 15),
    log: (line) => log.push(line),
  });
  const get = (path: string, method = 'GET') => handler({ method, path, clientIp: '103.243.200.42' });
  return { vfs, log, get };
}

describe('SimpleHTTPServer handler', () => {
  it('serves index.html for / and logs in the guide format', async () => {
    const { vfs, log, get } = server();
    vfs.writeFile('/root/site/index.html', '<html>\n<body>\nhello world!\n</body>\n</html>\n');
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.body).toContain('hello world!');
    expect(response.headers['Content-type']).toBe('text/html');
    expect(log).toEqual(['103.243.200.42 - - [11/Nov/2015 17:03:15] "GET / HTTP/1.1" 200 -']);
  });

  it('reads files at request time', async () => {
    const { vfs, get } = server();
    vfs.writeFile('/root/site/index.html', 'v1');
    expect((await get('/index.html')).body).toBe('v1');
    vfs.writeFile('/root/site/index.html', 'v2');
    expect((await get('/index.html?cache=no')).body).toBe('v2');
  });

  it('lists directories without index.html', async () => {
    const { get } = server();
    const response = await get('/');
    expect(response.body).toContain('<title>Directory listing for /</title>');
    expect(response.body).toContain('<li><a href="docs/">docs/</a>');
  });

  it('redirects directories without trailing slash', async () => {
    const { get } = server();
    const response = await get('/docs');
    expect(response.status).toBe(301);
    expect(response.headers.Location).toBe('/docs/');
  });

  it('answers 404 with the error page and two log lines', async () => {
    const { log, get } = server();
    const response = await get('/missing.html');
    expect(response.status).toBe(404);
    expect(response.body).toContain('<p>Message: File not found.');
    expect(log).toEqual([
      '103.243.200.42 - - [11/Nov/2015 17:03:15] code 404, message File not found',
      '103.243.200.42 - - [11/Nov/2015 17:03:15] "GET /missing.html HTTP/1.1" 404 -',
    ]);
  });

  it('does not escape the served directory', async () => {
    const { vfs, get } = server();
    vfs.writeFile('/etc-secret', 'secret');
    expect((await get('/../../etc-secret')).status).toBe(404);
  });

  it('rejects other methods with 501', async () => {
    const { log, get } = server();
    expect((await get('/', 'POST')).status).toBe(501);
    expect(log[0]).toContain("code 501, message Unsupported method ('POST')");
  });

  it('uses the python 3 page layout', async () => {
    const { get } = server('python3');
    expect((await get('/')).body).toContain('<h1>Directory listing for /</h1>');
  });
});
