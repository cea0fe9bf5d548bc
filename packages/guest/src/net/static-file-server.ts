import { utf8Length } from '../filesystem/filesystem.ts';
import { isFsError } from '../filesystem/errors.ts';
import { joinPath, normalizePath } from '../filesystem/path.ts';
import type { Vfs } from '../filesystem/vfs.ts';
import { httpLogTime } from '../format/dates.ts';
import type { HttpHandler, HttpResponse, InboundHttpRequest } from '../host.ts';

/**
 * The request handler of `python -m SimpleHTTPServer` / `python3 -m
 * http.server`: serves files below the directory it was started in (read
 * live at request time), index.html for directories, a generated listing
 * otherwise, and logs each request the way BaseHTTPServer does.
 */
export type PythonFlavor = 'python2' | 'python3';

export interface StaticFileServerOptions {
  vfs: Vfs;
  /** Directory the server was started in. */
  root: string;
  flavor: PythonFlavor;
  /** e.g. "2.7.5" */
  pythonVersion: string;
  now: () => number;
  /** Receives each log line (without newline); python writes them to stderr. */
  log: (line: string) => void;
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  txt: 'text/plain',
  css: 'text/css',
  js: 'application/javascript',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  py: 'text/x-python',
  sh: 'application/x-sh',
};

const REASONS: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  404: 'Not Found',
  501: 'Not Implemented',
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function contentType(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** A format remembered for the last value it was given (a file's mtime repeats on every request). */
function lastOf(format: (ms: number) => string): (ms: number) => string {
  let last = Number.NaN;
  let text = '';
  return (ms) => {
    if (ms !== last) {
      last = ms;
      text = format(ms);
    }
    return text;
  };
}

/**
 * A date format that changes once a second, computed once per second: every request of a busy
 * server (each load-balanced request) writes the same Date header and log time within a second.
 */
function perSecond(format: (ms: number) => string): (ms: number) => string {
  let second = Number.NaN;
  let text = '';
  return (ms) => {
    const at = Math.floor(ms / 1000);
    if (at !== second) {
      second = at;
      text = format(ms);
    }
    return text;
  };
}

export function createStaticFileHandler(options: StaticFileServerOptions): HttpHandler {
  const { vfs, root, flavor } = options;
  const serverHeader = flavor === 'python2' ? `SimpleHTTP/0.6 Python/${options.pythonVersion}` : `SimpleHTTP/0.6 Python/${options.pythonVersion}`;

  // Where a URL path leads below the root is pure text work: computed once per path (a bounded
  // table), while the file itself is still looked up live on every request.
  const fsPaths = new Map<string, string>();
  const fsPathOf = (urlPath: string): string => {
    let fsPath = fsPaths.get(urlPath);
    if (fsPath === undefined) {
      fsPath = joinPath(root, normalizePath(decodeSafely(urlPath)).slice(1)).replace(/\/$/, '') || '/';
      if (fsPaths.size >= 256) fsPaths.delete(fsPaths.keys().next().value!);
      fsPaths.set(urlPath, fsPath);
    }
    return fsPath;
  };
  const lastModified = lastOf(httpDate);
  const logTime = perSecond(httpLogTime);
  const dateHeader = perSecond(httpDate);
  const logPrefix = (request: InboundHttpRequest): string => `${request.clientIp} - - [${logTime(options.now())}]`;

  const respond = (request: InboundHttpRequest, status: number, headers: Record<string, string>, body: string): HttpResponse => {
    const requestLine = `${request.method} ${request.path} ${request.httpVersion ?? 'HTTP/1.1'}`;
    options.log(`${logPrefix(request)} "${requestLine}" ${status} -`);
    return {
      status,
      statusText: REASONS[status] ?? '',
      headers: { Server: serverHeader, Date: dateHeader(options.now()), ...headers },
      body: request.method === 'HEAD' ? '' : body,
    };
  };

  const error = (request: InboundHttpRequest, status: number, message: string, explanation: string): HttpResponse => {
    options.log(`${logPrefix(request)} code ${status}, message ${message}`);
    const body =
      flavor === 'python2'
        ? `<head>\n<title>Error response</title>\n</head>\n<body>\n<h1>Error response</h1>\n<p>Error code ${status}.\n<p>Message: ${message}.\n<p>Error code explanation: ${status} = ${explanation}.\n</body>\n`
        : `<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: ${status}</p>\n        <p>Message: ${message}.</p>\n        <p>Error code explanation: ${status} - ${explanation}.</p>\n    </body>\n</html>\n`;
    const type = flavor === 'python2' ? 'text/html' : 'text/html;charset=utf-8';
    return respond(request, status, { 'Content-Type': type, Connection: 'close', 'Content-Length': String(utf8Length(body)) }, body);
  };

  const listing = (request: InboundHttpRequest, urlPath: string, dir: string): HttpResponse => {
    const names = vfs.readdir(dir).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    const display = escapeHtml(decodeSafely(urlPath));
    const items = names.map((name) => {
      const label = vfs.isDirectory(joinPath(dir, name)) ? `${name}/` : name;
      return flavor === 'python2'
        ? `<li><a href="${encodeURI(label)}">${escapeHtml(label)}</a>\n`
        : `<li><a href="${encodeURI(label)}">${escapeHtml(label)}</a></li>\n`;
    });
    const body =
      flavor === 'python2'
        ? `<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 3.2 Final//EN"><html>\n<title>Directory listing for ${display}</title>\n<body>\n<h2>Directory listing for ${display}</h2>\n<hr>\n<ul>\n${items.join('')}</ul>\n<hr>\n</body>\n</html>\n`
        : `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for ${display}</title>\n</head>\n<body>\n<h1>Directory listing for ${display}</h1>\n<hr>\n<ul>\n${items.join('')}</ul>\n<hr>\n</body>\n</html>\n`;
    const type = flavor === 'python2' ? 'text/html; charset=UTF-8' : 'text/html; charset=utf-8';
    return respond(request, 200, { 'Content-Type': type, 'Content-Length': String(utf8Length(body)) }, body);
  };

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return error(request, 501, `Unsupported method ('${request.method}')`, 'Server does not support this operation');
    }
    const cut = request.path.search(/[?#]/);
    const urlPath = (cut < 0 ? request.path : request.path.slice(0, cut)) || '/';
    const fsPath = fsPathOf(urlPath);
    try {
      const stat = vfs.stat(fsPath);
      if (stat.type === 'dir') {
        if (!urlPath.endsWith('/')) {
          const location = `${urlPath}/${request.path.slice(urlPath.length)}`;
          return respond(request, 301, { Location: location, 'Content-Length': '0' }, '');
        }
        for (const index of ['index.html', 'index.htm']) {
          const candidate = joinPath(fsPath, index);
          const found = statOrNull(candidate);
          if (found && found.type !== 'dir') return serveFile(request, candidate, found.mtimeMs);
        }
        return listing(request, urlPath, fsPath);
      }
      return serveFile(request, fsPath, stat.mtimeMs);
    } catch (caught) {
      if (!isFsError(caught)) throw caught;
      return error(request, 404, 'File not found', 'Nothing matches the given URI');
    }
  };

  // One stat per request path: the server's hot path (every load-balanced request) reads it once.
  function statOrNull(path: string) {
    try {
      return vfs.stat(path);
    } catch (caught) {
      if (isFsError(caught)) return null;
      throw caught;
    }
  }

  function serveFile(request: InboundHttpRequest, path: string, mtimeMs: number): HttpResponse {
    const body = vfs.readFile(path);
    return respond(
      request,
      200,
      {
        'Content-type': contentType(path),
        'Content-Length': String(utf8Length(body)),
        'Last-Modified': lastModified(mtimeMs),
      },
      body,
    );
  }
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
