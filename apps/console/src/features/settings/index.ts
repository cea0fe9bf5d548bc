// The server's settings (limits the console shows and checks before it asks).
export { useSettings } from './api/get-settings.ts';
