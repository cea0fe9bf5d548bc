import { basename } from '../filesystem/path.ts';

export interface PromptContext {
  user: string;
  hostname: string;
  cwd: string;
  home: string;
  now: number;
}

function tildePath(cwd: string, home: string): string {
  if (cwd === home) return '~';
  if (cwd.startsWith(`${home}/`)) return `~${cwd.slice(home.length)}`;
  return cwd;
}

/** Expands bash prompt escapes: \u \h \H \w \W \$ \n \t \d \\ */
export function expandPrompt(ps1: string, ctx: PromptContext): string {
  return ps1.replace(/\\([uhHwW$ntd\\[\]])/g, (_, code: string) => {
    switch (code) {
      case 'u': return ctx.user;
      case 'h': return ctx.hostname.split('.')[0] ?? ctx.hostname;
      case 'H': return ctx.hostname;
      case 'w': return tildePath(ctx.cwd, ctx.home);
      case 'W': return ctx.cwd === ctx.home ? '~' : basename(ctx.cwd);
      case '$': return ctx.user === 'root' ? '#' : '$';
      case 'n': return '\n';
      case 't': return new Date(ctx.now).toISOString().slice(11, 19);
      case 'd': return new Date(ctx.now).toUTCString().slice(0, 10).replace(',', '');
      case '\\': return '\\';
      default: return '';
    }
  });
}
