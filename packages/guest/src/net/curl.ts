import type { CommandContext, CommandDefinition } from '../commands/types.ts';
import { utf8Length } from '../filesystem/filesystem.ts';
import { isFsError } from '../filesystem/errors.ts';
import { NetworkError, type HttpResponse } from '../host.ts';
import { Interrupted, interruptible } from '../time/signals.ts';

interface CurlOptions {
  url?: string;
  method?: string;
  headers: Record<string, string>;
  data?: string;
  output?: string;
  silent: boolean;
  showError: boolean;
  include: boolean;
  headOnly: boolean;
  fail: boolean;
}

function parseCurlArgs(args: string[]): CurlOptions | string {
  const options: CurlOptions = { headers: {}, silent: false, showError: false, include: false, headOnly: false, fail: false };
  // bundled flags without values ("-sSL", "-sI") are the same as separate ones
  const expanded = args.flatMap((arg) => (/^-[sSiIfLvk]{2,}$/.test(arg) ? [...arg.slice(1)].map((c) => `-${c}`) : [arg]));
  for (let i = 0; i < expanded.length; i++) {
    const arg = expanded[i] as string;
    const value = (): string | undefined => expanded[++i];
    switch (arg) {
      case '-s': case '--silent': options.silent = true; break;
      case '-S': case '--show-error': options.showError = true; break;
      case '-i': case '--include': options.include = true; break;
      case '-I': case '--head': options.headOnly = true; break;
      case '-f': case '--fail': options.fail = true; break;
      case '-L': case '--location': case '-v': case '-k': break;
      case '-o': case '--output': options.output = value(); break;
      case '-X': case '--request': options.method = value(); break;
      case '-d': case '--data': options.data = value(); break;
      case '-H': case '--header': {
        const header = value() ?? '';
        const colon = header.indexOf(':');
        if (colon > 0) options.headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
        break;
      }
      default:
        if (arg.startsWith('-')) return `curl: option ${arg}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`;
        options.url = arg;
    }
  }
  return options;
}

function parseUrl(raw: string): { url: URL } | undefined {
  try {
    return { url: new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`) };
  } catch {
    return undefined;
  }
}

function failureMessage(ctx: CommandContext, error: NetworkError, host: string, port: string): { text: string; code: number } {
  const legacy = ctx.system.profile.generation === 'legacy';
  const reason = { ECONNREFUSED: 'Connection refused', ETIMEDOUT: 'Connection timed out', EHOSTUNREACH: 'No route to host', ENOTFOUND: '' }[error.code];
  if (error.code === 'ENOTFOUND') {
    return { text: legacy ? `curl: (6) Could not resolve host: ${host}; Name or service not known` : `curl: (6) Could not resolve host: ${host}`, code: 6 };
  }
  if (legacy) return { text: `curl: (7) Failed connect to ${host}:${port}; ${reason}`, code: 7 };
  const code = error.code === 'ETIMEDOUT' ? 28 : 7;
  const after = error.code === 'ETIMEDOUT' ? 130000 : 0;
  return { text: `curl: (${code}) Failed to connect to ${host} port ${port} after ${after} ms: ${reason}`, code };
}

function progressMeter(bytes: number): string {
  const size = String(bytes);
  return (
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
    `\r100 ${size.padStart(5)}  100 ${size.padStart(5)}    0     0  ${String(bytes * 200).padStart(5)}      0 --:--:-- --:--:-- --:--:-- ${String(bytes * 200).padStart(5)}\n`
  );
}

/**
 * `curl [-sSiIf] [-o file] [-X method] [-H header] [-d data] URL`. Requests to
 * the guest itself are served by its own listeners; everything else goes
 * through `host.httpRequest`, which models the cloud network.
 */
export const curl: CommandDefinition = {
  name: 'curl',
  path: '/usr/bin/curl',
  synopsis: 'curl [-sSiI] [-o file] url',
  async run(ctx) {
    const parsed = parseCurlArgs(ctx.argv.slice(1));
    if (typeof parsed === 'string') {
      ctx.stderr.write(parsed);
      return 2;
    }
    if (parsed.url === undefined) {
      ctx.stderr.write("curl: try 'curl --help' or 'curl --manual' for more information\n");
      return 2;
    }
    const target = parseUrl(parsed.url);
    if (!target) {
      ctx.stderr.write(`curl: (3) URL using bad/illegal format or missing URL\n`);
      return 3;
    }
    const { url } = target;
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    const method = parsed.method ?? (parsed.headOnly ? 'HEAD' : parsed.data !== undefined ? 'POST' : 'GET');
    const version = ctx.system.profile.generation === 'legacy' ? '7.29.0' : '7.81.0';
    const headers = { 'User-Agent': `curl/${version}`, Host: url.host, Accept: '*/*', ...parsed.headers };
    const ports = ctx.system.ports;
    let response: HttpResponse;
    try {
      if (ports.isLocalAddress(url.hostname)) {
        const local = await interruptible(
          ports.deliver(Number(port), {
            method,
            path: `${url.pathname}${url.search}`,
            clientIp: '127.0.0.1',
            headers,
            ...(parsed.data !== undefined ? { body: parsed.data } : {}),
          }),
          ctx.signal,
        );
        if (!local) throw new NetworkError('ECONNREFUSED');
        response = local;
      } else {
        response = await interruptible(
          ctx.system.host.httpRequest(
            { method, url: url.toString(), headers, sourceIp: ctx.system.network.ip, ...(parsed.data !== undefined ? { body: parsed.data } : {}) },
            ctx.signal,
          ),
          ctx.signal,
        );
      }
    } catch (error) {
      if (error instanceof Interrupted) throw error;
      if (!(error instanceof NetworkError)) throw error;
      const failure = failureMessage(ctx, error, url.hostname, port);
      if (!parsed.silent || parsed.showError) ctx.stderr.write(`${failure.text}\n`);
      return failure.code;
    }
    if (parsed.fail && response.status >= 400) {
      if (!parsed.silent || parsed.showError) {
        ctx.stderr.write(`curl: (22) The requested URL returned error: ${response.status}${ctx.system.profile.generation === 'legacy' ? ` ${response.statusText}` : ''}\n`);
      }
      return 22;
    }
    let output = '';
    if (parsed.include || parsed.headOnly) {
      output += `HTTP/1.0 ${response.status} ${response.statusText}\r\n`;
      for (const [name, value] of Object.entries(response.headers)) output += `${name}: ${value}\r\n`;
      output += '\r\n';
    }
    if (!parsed.headOnly) output += response.body;
    const toFile = parsed.output !== undefined && parsed.output !== '-';
    if ((toFile || !ctx.stdout.isTTY) && !parsed.silent) ctx.stderr.write(progressMeter(utf8Length(response.body)));
    if (toFile) {
      try {
        ctx.system.vfs.writeFile(ctx.resolve(parsed.output as string), output);
      } catch (error) {
        if (!isFsError(error)) throw error;
        ctx.stderr.write(`curl: (23) Failed writing body (0 != ${utf8Length(output)})\n`);
        return 23;
      }
    } else {
      ctx.stdout.write(output);
    }
    return 0;
  },
};
