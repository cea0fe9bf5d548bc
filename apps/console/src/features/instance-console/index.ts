/** The instance page's "콘솔" (web terminal) and "접속 정보" (SSH command) tabs. */
export { ConsoleTab } from './components/console-tab.tsx';
export { ConnectTab } from './components/connect-tab.tsx';
