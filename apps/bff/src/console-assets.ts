import express, { type Request, type Response } from 'express';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

// The built console (apps/console/dist), served from the same origin as the API. The build writes
// each text file's brotli (`.br`) and gzip (`.gz`) twin (apps/console/vite.config.ts), so nothing is
// compressed per request: the answer is the smallest variant the browser accepts. Files under
// /assets/ carry a content hash in their name and never change: browsers keep them a year without
// asking again. index.html and other unhashed files are revalidated on every use (ETag, 304).

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** `assets/index-CuRyO1mc.js`: Vite's hashed output (8 characters of base64url before the extension). */
const HASHED = /^assets\/.+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

type Encoding = 'br' | 'gzip' | 'identity';

interface Variant {
  path: string;
  size: number;
}

interface Asset {
  contentType: string;
  cacheControl: string;
  variants: Partial<Record<Encoding, Variant>>;
  /** Filled on first use. */
  etag?: string;
}

/** Serves the console's files, and its index.html for every other GET outside /api (the SPA's routes). */
export function consoleAssets(dir: string): express.Router {
  const assets = indexDirectory(dir);
  const cache = new Map<string, Buffer>();
  const read = (path: string) => {
    let bytes = cache.get(path);
    if (!bytes) cache.set(path, (bytes = readFileSync(path)));
    return bytes;
  };

  const send = (req: Request, res: Response, asset: Asset) => {
    const encodings = (['br', 'gzip'] as const).filter((encoding) => asset.variants[encoding]);
    const chosen = chooseEncoding(req.headers['accept-encoding'], encodings);
    const variant = asset.variants[chosen] ?? asset.variants.identity!;
    asset.etag ??= `"${createHash('sha1').update(read(asset.variants.identity!.path)).digest('base64url').slice(0, 20)}"`;
    const etag = chosen === 'identity' ? asset.etag : `${asset.etag.slice(0, -1)}-${chosen === 'br' ? 'br' : 'gz'}"`;

    res.setHeader('Content-Type', asset.contentType);
    res.setHeader('Cache-Control', asset.cacheControl);
    if (encodings.length) res.setHeader('Vary', 'Accept-Encoding');
    if (chosen !== 'identity') res.setHeader('Content-Encoding', chosen);
    res.setHeader('ETag', etag);
    if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Length', String(variant.size));
    if (req.method === 'HEAD') res.end();
    else res.end(read(variant.path));
  };

  const router = express.Router();
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const path = safePath(req.path);
    const asset = path === undefined ? undefined : assets.get(path);
    if (asset) return send(req, res, asset);
    // A hashed file that is not there is an old build's: the browser must not get the page instead.
    if (path === undefined || path.startsWith('assets/') || req.path.startsWith('/api/')) return next();
    const index = assets.get('index.html');
    if (!index) return next();
    send(req, res, index);
  });
  return router;
}

/**
 * The smallest variant the client accepts: brotli before gzip unless the client weighs gzip higher
 * (browsers list `gzip, deflate, br, zstd`, all at q=1, so the order of the header says nothing).
 */
export function chooseEncoding(header: string | undefined, available: readonly ('br' | 'gzip')[]): Encoding {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    if (name) weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (encoding: string) => weights.get(encoding) ?? (weights.get('*') ?? 0);
  let best: Encoding = 'identity';
  let bestWeight = 0;
  for (const encoding of available) {
    if (weight(encoding) > bestWeight) {
      best = encoding;
      bestWeight = weight(encoding);
    }
  }
  return best;
}

/** The request path as a key of the index (`assets/x.js`), or undefined when it cannot name a file. */
function safePath(urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split('/').includes('..')) return undefined;
  return decoded.replace(/^\/+/, '');
}

/** Every file of the build, with its precompressed twins; `.br`/`.gz` files are never served by their own name. */
function indexDirectory(dir: string): Map<string, Asset> {
  const files = listFiles(dir);
  const sizes = new Map(files.map((file) => [file, statSync(file).size]));
  const assets = new Map<string, Asset>();
  for (const file of files) {
    if (file.endsWith('.br') || file.endsWith('.gz')) continue;
    const key = relative(dir, file).split(sep).join('/');
    const variants: Asset['variants'] = { identity: { path: file, size: sizes.get(file)! } };
    for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
      const size = sizes.get(file + suffix);
      if (size !== undefined) variants[encoding] = { path: file + suffix, size };
    }
    assets.set(key, {
      contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      cacheControl: HASHED.test(key) ? IMMUTABLE : REVALIDATE,
      variants,
    });
  }
  return assets;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : entry.isFile() ? [path] : [];
  });
}
