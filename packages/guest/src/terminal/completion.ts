import { joinPath, resolvePath } from '../filesystem/path.ts';
import type { Vfs } from '../filesystem/vfs.ts';

export interface CompletionCandidate {
  /** The full word after completion (without the trailing space/slash). */
  word: string;
  /** What bash lists for it ("external/"). */
  display: string;
  isDirectory: boolean;
}

export interface CompletionRequest {
  line: string;
  cursor: number;
  cwd: string;
  home: string;
  vfs: Vfs;
  commandNames: string[];
}

export interface CompletionResult {
  /** Start of the word being completed in `line`. */
  start: number;
  /** The word as typed. */
  word: string;
  candidates: CompletionCandidate[];
}

const WORD_BREAKS = new Set([' ', '\t', ';', '|', '&', '<', '>', '(', ')']);

/** Escapes characters bash would backslash-quote in a completed word. */
export function escapeForShell(text: string): string {
  return text.replace(/([ \t'"\\$`!&;|<>()*?[\]{}])/g, '\\$1');
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/**
 * bash-like completion of the word before the cursor: command names in
 * command position, otherwise paths (directories get a trailing "/",
 * hidden files only when the prefix starts with ".").
 */
export function complete(request: CompletionRequest): CompletionResult {
  const { line, cursor } = request;
  let start = cursor;
  while (start > 0) {
    const ch = line[start - 1] as string;
    if (WORD_BREAKS.has(ch) && line[start - 2] !== '\\') break;
    start--;
  }
  const word = line.slice(start, cursor);
  const before = line.slice(0, start).trimEnd();
  const commandPosition = before === '' || /(\|\||&&|[|;&(])$/.test(before);
  if (commandPosition && !word.includes('/')) {
    const candidates = [...new Set(request.commandNames)]
      .filter((name) => name.startsWith(word) && word !== '')
      .sort()
      .map((name) => ({ word: name, display: name, isDirectory: false }));
    if (candidates.length > 0 || word === '') return { start, word, candidates };
  }
  const typed = unescape(word);
  const slash = typed.lastIndexOf('/');
  const dirPart = slash >= 0 ? typed.slice(0, slash + 1) : '';
  const prefix = slash >= 0 ? typed.slice(slash + 1) : typed;
  const expandedDir = dirPart.startsWith('~') ? request.home + dirPart.slice(1) : dirPart;
  const directory = resolvePath(request.cwd, expandedDir === '' ? '.' : expandedDir);
  let names: string[];
  try {
    names = request.vfs.readdir(directory);
  } catch {
    return { start, word, candidates: [] };
  }
  const candidates = names
    .filter((name) => name.startsWith(prefix) && (prefix.startsWith('.') || !name.startsWith('.')))
    .sort()
    .map((name) => {
      const isDirectory = request.vfs.isDirectory(joinPath(directory, name));
      return { word: escapeForShell(dirPart + name), display: isDirectory ? `${name}/` : name, isDirectory };
    });
  return { start, word, candidates };
}

export function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0] as string;
  for (const word of words.slice(1)) {
    while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}
