/**
 * The syntax tree of a bash command line, as produced by `parser.ts` and run
 * by `interpreter.ts`. Words keep their quoting so expansion can decide what
 * is subject to field splitting and globbing.
 */

export type ParamOperator = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?';

export type WordPart =
  /** Text; `quoted` text is exempt from field splitting and globbing. */
  | { type: 'literal'; text: string; quoted: boolean }
  /** $NAME, ${NAME}, $?, ${NAME:-word}, ${#NAME} */
  | { type: 'param'; name: string; quoted: boolean; length?: boolean; operator?: ParamOperator; operand?: Word }
  /** $(...) or `...`, kept as source and parsed when expanded. */
  | { type: 'command'; source: string; quoted: boolean }
  /** $(( expression )) */
  | { type: 'arithmetic'; expression: string; quoted: boolean }
  /** A leading unquoted ~ or ~user. */
  | { type: 'tilde'; user: string };

export interface Word {
  parts: WordPart[];
  /** The word as typed (for messages and tab completion). */
  raw: string;
}

export type RedirectOperator = '>' | '>>' | '>|' | '<' | '<<' | '<<-' | '<<<' | '>&' | '<&' | '&>' | '&>>';

export interface HereDocument {
  /** The body; expanded at run time unless the delimiter was quoted. */
  body: Word;
  expand: boolean;
}

export interface Redirect {
  /** File descriptor being redirected (1 for `>`, 0 for `<`, 2 for `2>`). */
  fd: number;
  operator: RedirectOperator;
  /** File name, fd number for `>&`, or the delimiter for here-documents. */
  target: Word;
  heredoc?: HereDocument;
}

export interface Assignment {
  name: string;
  value: Word;
}

export interface SimpleCommand {
  type: 'simple';
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
}

export interface Subshell {
  type: 'subshell';
  body: Script;
  redirects: Redirect[];
}

export type Command = SimpleCommand | Subshell;

export interface Pipeline {
  negated: boolean;
  commands: Command[];
}

export interface AndOrList {
  first: Pipeline;
  rest: { operator: '&&' | '||'; pipeline: Pipeline }[];
}

export interface ListItem {
  command: AndOrList;
  /** Ended with `&`. */
  background: boolean;
  /** Source text of the item (shown by `jobs`). */
  source: string;
}

export interface Script {
  items: ListItem[];
}
