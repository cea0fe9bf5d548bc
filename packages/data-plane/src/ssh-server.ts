import type { Engine, Instance } from '@sandcloud/engine';
import type { Socket } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { OutputBatch } from './output-batch.ts';
import { parseAuthorizedKeys } from './ssh/authorized-keys.ts';
import { errnoOf, type FileTransferOptions } from './ssh/file-access.ts';
import type { HostKey } from './ssh/host-key.ts';
import { parseScpCommand, serveScp } from './ssh/scp-server.ts';
import { serveSftp } from './ssh/sftp-server.ts';
import { createSshSessionServer, type SshSession, type SshSessionServer } from './ssh/ssh-session-server.ts';

// The SSH server every instance's floating IP answers on: the guest's sshd, as far as a client can
// tell. It authenticates `root` against the guest's own /root/.ssh/authorized_keys (what cloud-init
// wrote from the key pair, plus whatever the user added), then attaches the channel to a login
// shell of the guest — the same shell the console's terminal opens. File transfer (the `sftp`
// subsystem, and `scp -t`/`scp -f` of the legacy scp protocol) reads and writes the guest's
// filesystem as root, mounted volumes included, like sshd's sftp-server and scp would.

const AUTHORIZED_KEYS = '/root/.ssh/authorized_keys';
const HOME = '/root';

export class GuestSshServer {
  private readonly servers = new Set<SshSessionServer>();

  constructor(
    private readonly engine: Engine,
    private readonly hostKey: HostKey,
    private readonly clientIp: () => string,
  ) {}

  /** Serves one accepted TCP connection to `instance`'s port 22. */
  handle(socket: Socket, instance: Instance): void {
    const projectId = instance.projectId;
    if (!projectId) {
      socket.destroy();
      return;
    }
    const guests = this.engine.modules.guests;
    // The guest is looked up for every request: the instance may stop or reboot mid-session.
    const transfer: FileTransferOptions = { files: () => guests.filesOf(projectId, instance.id), home: HOME };
    const server = createSshSessionServer(this.hostKey, {
      // Read from the guest's filesystem, not through a shell: no process, no history, no parsing.
      authorizedKeys: async (user) => (user === 'root' ? parseAuthorizedKeys(readAuthorizedKeys(transfer)) : []),
      shell: (session) => {
        this.engine.tutorials.sshLogin(projectId, instance.id); // a real login: the guided tutorial's step
        const shell = guests.openSession(projectId, instance.id, {
          remoteIp: this.clientIp(),
          ...(session.pty ? { columns: session.pty.columns, rows: session.pty.rows } : {}),
        });
        attach(session, shell);
      },
      sftp: (channel) => serveSftp(channel, transfer),
      exec: (session, command) => {
        this.engine.tutorials.sshLogin(projectId, instance.id);
        const { stream } = session;
        const scp = parseScpCommand(command);
        if (scp) {
          void serveScp(stream, scp, transfer);
          return;
        }
        guests.runCommand(projectId, instance.id, command).then(
          (result) => {
            stream.write(result.stdout);
            stream.stderr.write(result.stderr);
            stream.exit(result.exitCode);
            stream.end();
          },
          (error: Error) => {
            stream.stderr.write(`${error.message}\n`);
            stream.exit(255);
            stream.end();
          },
        );
      },
    });
    this.servers.add(server);
    socket.once('close', () => this.servers.delete(server));
    server.handle(socket);
  }

  close(): void {
    for (const server of this.servers) server.close();
    this.servers.clear();
  }
}

/** The guest's authorized_keys, or nothing when it is missing or unreadable (the guest must be running). */
function readAuthorizedKeys(transfer: FileTransferOptions): string {
  const files = transfer.files();
  try {
    return files.readFile(AUTHORIZED_KEYS);
  } catch (error) {
    if (errnoOf(error)) return '';
    throw error;
  }
}

type GuestShell = ReturnType<Engine['modules']['guests']['openSession']>;

/** Terminal bytes both ways; CTRL+C and CTRL+D are bytes the shell's line discipline handles. */
function attach(session: SshSession, shell: GuestShell): void {
  const { stream } = session;
  const decoder = new StringDecoder('utf8');
  stream.on('data', (bytes: Buffer) => shell.write(decoder.write(bytes)));
  session.onResize((columns, rows) => shell.resize(columns, rows));
  session.onSignal((name) => {
    if (name === 'INT') shell.write('\x03');
  });
  // One ssh packet per turn of the event loop, however many lines the guest wrote (its access log).
  const output = new OutputBatch((text) => stream.write(text));
  stream.on('close', () => {
    output.discard();
    shell.close();
  });
  shell.onData((text) => output.write(text));
  shell.onClose((exitCode) => {
    output.flush();
    stream.exit(exitCode);
    stream.end();
  });
}
