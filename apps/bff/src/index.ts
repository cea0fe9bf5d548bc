export { createApp, type AppOptions } from './app.ts';
export { attachConsoleSockets, CONSOLE_CLOSE, type ConsoleSockets, type ConsoleSocketOptions } from './console-socket.ts';
