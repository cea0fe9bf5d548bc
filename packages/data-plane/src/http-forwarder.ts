import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Engine } from '@sandcloud/engine';
import type { HttpResponse, InboundHttpRequest } from '@sandcloud/guest';
import { afterReads, BodyTooLarge, hasBody, inboundRequest, readBody, sendError, sendGuestResponse } from './http-exchange.ts';

// HTTP to an instance's floating IP: each request is handed to the server listening in the guest
// (`python -m SimpleHTTPServer 80`), which logs it with the source address the simulation gives
// this machine, and its answer goes back on the real socket. Pages users write in their guests
// are served only here, on the floating IP's own loopback address: never on the console's origin.

interface Route {
  instanceId: string;
  guestPort: number;
}

export class InstanceHttpForwarder {
  private readonly server: Server;
  private readonly routes = new WeakMap<Socket, Route>();

  constructor(
    private readonly traffic: Engine['modules']['traffic'],
  ) {
    this.server = createServer((req, res) => void this.forward(req, res));
    this.server.on('clientError', (_error, socket) => socket.destroy());
  }

  /** Takes an accepted connection to `guestPort` of an instance. */
  handle(socket: Socket, instanceId: string, guestPort: number): void {
    this.routes.set(socket, { instanceId, guestPort });
    this.server.emit('connection', socket);
  }

  close(): void {
    this.server.closeAllConnections();
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const route = this.routes.get(req.socket);
    if (!route) {
      req.socket.destroy();
      return;
    }
    const request = inboundRequest(req, this.traffic.clientIp(), req.socket.remotePort);
    if (!hasBody(request)) {
      this.deliver(route, request, res);
      return;
    }
    readBody(req).then(
      (body) => {
        request.body = body;
        this.deliver(route, request, res);
      },
      (error: unknown) => this.fail(res, error),
    );
  }

  private deliver(route: Route, request: InboundHttpRequest, res: ServerResponse): void {
    const answered = (response: HttpResponse | null) => {
      // The server in the guest stopped since the connection was opened: the connection is reset.
      if (!response) res.req.socket.destroy();
      else afterReads(() => this.answer(res, response));
    };
    try {
      this.traffic.deliverHttp(route.instanceId, route.guestPort, request).then(answered).catch((error: unknown) => this.fail(res, error));
    } catch (error) {
      this.fail(res, error);
    }
  }

  private answer(res: ServerResponse, response: HttpResponse): void {
    try {
      sendGuestResponse(res, response);
    } catch (error) {
      this.fail(res, error);
    }
  }

  private fail(res: ServerResponse, error: unknown): void {
    if (error instanceof BodyTooLarge) sendError(res, 413, 'Request Entity Too Large', '<h1>413 Request Entity Too Large</h1>\n');
    else sendError(res, 502, 'Bad Gateway', '<h1>502 Bad Gateway</h1>\n');
  }
}
