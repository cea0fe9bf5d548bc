import type { CommandContext, CommandDefinition } from '../commands/types.ts';
import type { GuestSystem } from '../machine/system.ts';
import { Interrupted, interruptible } from '../time/signals.ts';
import { LineReader } from '../shell/streams.ts';
import { createStaticFileHandler, type PythonFlavor } from './static-file-server.ts';

/** What python 2.7 prints when SimpleHTTPServer is stopped with CTRL+C. */
const PY2_KEYBOARD_INTERRUPT = `Traceback (most recent call last):
  File "/usr/lib64/python2.7/runpy.py", line 162, in _run_module_as_main
    "__main__", fname, loader, pkg_name)
  File "/usr/lib64/python2.7/runpy.py", line 72, in _run_code
    exec code in run_globals
  File "/usr/lib64/python2.7/SimpleHTTPServer.py", line 235, in <module>
    test()
  File "/usr/lib64/python2.7/SimpleHTTPServer.py", line 231, in test
    BaseHTTPServer.test(HandlerClass, ServerClass)
  File "/usr/lib64/python2.7/BaseHTTPServer.py", line 610, in test
    httpd.serve_forever()
  File "/usr/lib64/python2.7/SocketServer.py", line 231, in serve_forever
    poll_interval)
  File "/usr/lib64/python2.7/SocketServer.py", line 150, in _eintr_retry
    return func(*args)
KeyboardInterrupt
`;

const PY2_ADDRESS_IN_USE = `Traceback (most recent call last):
  File "/usr/lib64/python2.7/runpy.py", line 162, in _run_module_as_main
    "__main__", fname, loader, pkg_name)
  File "/usr/lib64/python2.7/runpy.py", line 72, in _run_code
    exec code in run_globals
  File "/usr/lib64/python2.7/SimpleHTTPServer.py", line 235, in <module>
    test()
  File "/usr/lib64/python2.7/SimpleHTTPServer.py", line 231, in test
    BaseHTTPServer.test(HandlerClass, ServerClass)
  File "/usr/lib64/python2.7/BaseHTTPServer.py", line 606, in test
    httpd = ServerClass(server_address, HandlerClass)
  File "/usr/lib64/python2.7/SocketServer.py", line 419, in __init__
    self.server_bind()
  File "/usr/lib64/python2.7/BaseHTTPServer.py", line 108, in server_bind
    SocketServer.TCPServer.server_bind(self)
  File "/usr/lib64/python2.7/SocketServer.py", line 430, in server_bind
    self.socket.bind(self.server_address)
  File "/usr/lib64/python2.7/socket.py", line 224, in meth
    return getattr(self._sock,name)(*args)
socket.error: [Errno 98] Address already in use
`;

function py3AddressInUse(version: string): string {
  const lib = `/usr/lib/python${version.split('.').slice(0, 2).join('.')}`;
  return `Traceback (most recent call last):
  File "${lib}/runpy.py", line 196, in _run_module_as_main
    return _run_code(code, main_globals, None,
  File "${lib}/http/server.py", line 1307, in <module>
    test(
  File "${lib}/http/server.py", line 1254, in test
    with ServerClass(addr, HandlerClass) as httpd:
  File "${lib}/socketserver.py", line 452, in __init__
    self.server_bind()
  File "${lib}/http/server.py", line 137, in server_bind
    socketserver.TCPServer.server_bind(self)
  File "${lib}/socketserver.py", line 466, in server_bind
    self.socket.bind(self.server_address)
OSError: [Errno 98] Address already in use
`;
}

/** Runs a web server until a signal arrives. */
async function serveHttp(ctx: CommandContext, flavor: PythonFlavor, version: string, portArg: string | undefined, directory?: string): Promise<number> {
  const port = portArg === undefined ? 8000 : Number(portArg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    ctx.stderr.write(
      flavor === 'python2'
        ? `${PY2_KEYBOARD_INTERRUPT.split('\n').slice(0, 7).join('\n')}\nValueError: invalid literal for int() with base 10: '${portArg}'\n`
        : `usage: server.py [-h] [--cgi] [--bind ADDRESS] [--directory DIRECTORY] [port]\nserver.py: error: argument port: invalid int value: '${portArg}'\n`,
    );
    return flavor === 'python2' ? 1 : 2;
  }
  const root = directory ? ctx.resolve(directory) : ctx.cwd;
  const handler = createStaticFileHandler({
    vfs: ctx.system.vfs,
    root,
    flavor,
    pythonVersion: version,
    now: () => ctx.system.clock.now(),
    log: (line) => ctx.stderr.write(`${line}\n`),
  });
  const unbind = ctx.system.ports.bind(port, ctx.pid, handler);
  if (!unbind) {
    ctx.stderr.write(flavor === 'python2' ? PY2_ADDRESS_IN_USE : py3AddressInUse(version));
    return 1;
  }
  try {
    ctx.stdout.write(
      flavor === 'python2'
        ? `Serving HTTP on 0.0.0.0 port ${port} ...\n`
        : `Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`,
    );
    await interruptible(new Promise<never>(() => undefined), ctx.signal);
    return 0;
  } catch (error) {
    if (!(error instanceof Interrupted) || error.signal !== 'SIGINT') throw error;
    if (flavor === 'python2') {
      ctx.stderr.write(PY2_KEYBOARD_INTERRUPT);
      return 1;
    }
    ctx.stdout.write('\nKeyboard interrupt received, exiting.\n');
    return 0;
  } finally {
    unbind();
  }
}

/** A tiny REPL: enough to enter and leave the interpreter. */
async function repl(ctx: CommandContext, version: string, flavor: PythonFlavor): Promise<number> {
  ctx.stdout.write(
    flavor === 'python2'
      ? `Python ${version} (default, Nov 16 2020, 22:23:17) \n[GCC 4.8.5 20150623 (Red Hat 4.8.5-44)] on linux2\nType "help", "copyright", "credits" or "license" for more information.\n`
      : `Python ${version} (main, Nov 20 2023, 15:14:05) [GCC 11.4.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n`,
  );
  const reader = new LineReader(ctx.stdin, ctx.signal);
  for (;;) {
    ctx.stdout.write('>>> ');
    let line: string | null;
    try {
      line = await reader.next();
    } catch (error) {
      if (error instanceof Interrupted && error.signal === 'SIGINT') {
        ctx.stdout.write('\nKeyboardInterrupt\n');
        continue;
      }
      throw error;
    }
    if (line === null) {
      ctx.stdout.write('\n');
      return 0;
    }
    const code = line.trim();
    if (code === '') continue;
    if (/^(exit|quit)\(\)$/.test(code)) return 0;
    const printed = /^print\s*\(?\s*(['"])(.*)\1\s*\)?$/.exec(code);
    if (printed) {
      ctx.stdout.write(`${printed[2]}\n`);
      continue;
    }
    const literal = /^(['"])(.*)\1$/.exec(code);
    if (literal || /^-?\d+(\.\d+)?$/.test(code)) {
      ctx.stdout.write(`${literal ? `'${literal[2]}'` : code}\n`);
      continue;
    }
    const name = /^[A-Za-z_]\w*/.exec(code)?.[0] ?? code;
    ctx.stdout.write(`Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\nNameError: name '${name}' is not defined\n`);
  }
}

function pythonCommand(name: string, flavor: PythonFlavor, versionOf: (system: GuestSystem) => string | undefined): CommandDefinition {
  return {
    name,
    path: `/usr/bin/${name}`,
    synopsis: flavor === 'python2' ? `${name} -m SimpleHTTPServer [port]` : `${name} -m http.server [port]`,
    isInstalled: (system) => versionOf(system) !== undefined,
    async run(ctx) {
      const version = versionOf(ctx.system) ?? '';
      const args = ctx.argv.slice(1);
      if (args[0] === '-V' || args[0] === '--version') {
        (flavor === 'python2' ? ctx.stderr : ctx.stdout).write(`Python ${version}\n`);
        return 0;
      }
      if (args[0] === '-m') {
        const module = args[1];
        if (module === undefined) {
          ctx.stderr.write('Argument expected for the -m option\n');
          return 2;
        }
        const serverModule = flavor === 'python2' ? 'SimpleHTTPServer' : 'http.server';
        if (module !== serverModule) {
          ctx.stderr.write(`/usr/bin/${name}: No module named ${flavor === 'python2' ? module.split('.')[0] : module}\n`);
          return 1;
        }
        const rest = args.slice(2);
        let directory: string | undefined;
        const positional: string[] = [];
        for (let i = 0; i < rest.length; i++) {
          const arg = rest[i] as string;
          if (flavor === 'python3' && (arg === '--directory' || arg === '-d')) directory = rest[++i];
          else if (flavor === 'python3' && (arg === '--bind' || arg === '-b')) i++;
          else positional.push(arg);
        }
        return serveHttp(ctx, flavor, version, positional[0], directory);
      }
      if (args.length === 0) return repl(ctx, version, flavor);
      const script = args.find((a) => !a.startsWith('-')) ?? '';
      if (!ctx.system.vfs.exists(ctx.resolve(script))) {
        ctx.stderr.write(`${name}: can't open file '${script}': [Errno 2] No such file or directory\n`);
        return 2;
      }
      ctx.stderr.write(`${name}: running scripts is not supported in this simulated guest\n`);
      return 1;
    },
  };
}

/** `python` (2.7 on CentOS 7): `python -m SimpleHTTPServer 80`. */
export const python = pythonCommand('python', 'python2', (system) => system.profile.python2);
export const python2 = pythonCommand('python2', 'python2', (system) => system.profile.python2);
/** `python3` (modern images): `python3 -m http.server 80`. */
export const python3 = pythonCommand('python3', 'python3', (system) => system.profile.python3 ?? (system.vfs.exists('/usr/bin/python3') ? '3.6.8' : undefined));
