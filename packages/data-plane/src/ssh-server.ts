import type { Engine, Instance } from '@sandcloud/engine';
import type { Socket } from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { SshServerConnection, type SshChannel } from './ssh/connection.ts';
import { authorizedKeyBlobs, type HostKey } from './ssh/keys.ts';

// The SSH server every instance's floating IP answers on: the guest's sshd, as far as a client can
// tell. It authenticates `root` against the guest's own /root/.ssh/authorized_keys (what cloud-init
// wrote from the key pair, plus whatever the user added), then attaches the channel to a login
// shell of the guest — the same shell the console's terminal opens.

const AUTHORIZED_KEYS = '/root/.ssh/authorized_keys';

export class GuestSshServer {
  private readonly connections = new Set<SshServerConnection>();

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
    let authorized: Promise<Buffer[]> | null = null;
    const connection = new SshServerConnection(socket, this.hostKey, {
      isAuthorized: async (user, blob) => {
        if (user !== 'root') return false;
        authorized ??= guests
          .runCommand(projectId, instance.id, `cat ${AUTHORIZED_KEYS}`)
          .then((result) => authorizedKeyBlobs(result.stdout))
          .catch(() => []);
        return (await authorized).some((candidate) => candidate.equals(blob));
      },
      shell: (channel, pty) => {
        const session = guests.openSession(projectId, instance.id, {
          remoteIp: this.clientIp(),
          ...(pty ? { columns: pty.columns, rows: pty.rows } : {}),
        });
        attach(channel, session);
      },
      exec: (channel, command) => {
        guests.runCommand(projectId, instance.id, command).then(
          (result) => {
            channel.write(result.stdout);
            channel.writeStderr(result.stderr);
            channel.exit(result.exitCode);
          },
          (error: Error) => {
            channel.writeStderr(`${error.message}\n`);
            channel.exit(255);
          },
        );
      },
      onClose: () => this.connections.delete(connection),
    });
    this.connections.add(connection);
  }

  close(): void {
    for (const connection of this.connections) connection.close();
    this.connections.clear();
  }
}

type GuestSession = ReturnType<Engine['modules']['guests']['openSession']>;

/** Terminal bytes both ways; CTRL+C and CTRL+D are bytes the session's line discipline handles. */
function attach(channel: SshChannel, session: GuestSession): void {
  const decoder = new StringDecoder('utf8');
  channel.onData((bytes) => session.write(decoder.write(bytes)));
  channel.onResize((columns, rows) => session.resize(columns, rows));
  channel.onSignal((name) => {
    if (name === 'INT') session.write('\x03');
  });
  channel.onClose(() => session.close());
  session.onData((text) => channel.write(text));
  session.onClose((exitCode) => channel.exit(exitCode));
}
