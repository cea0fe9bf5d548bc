import { describe, expect, it } from 'vitest';
import type { Script, SimpleCommand, Word } from './ast.ts';
import { parse } from './parser.ts';

function parseOk(source: string): Script {
  const result = parse(source);
  if (!result.ok) throw new Error(`parse failed: ${JSON.stringify(result)}`);
  return result.script;
}

function simple(script: Script, item = 0, command = 0): SimpleCommand {
  const cmd = script.items[item]?.command.first.commands[command];
  if (!cmd || cmd.type !== 'simple') throw new Error('not a simple command');
  return cmd;
}

/** Flattens a word for assertions: literal text, $NAME for params. */
function show(word: Word | undefined): string {
  return (word?.parts ?? [])
    .map((p) => {
      if (p.type === 'literal') return p.quoted ? `<${p.text}>` : p.text;
      if (p.type === 'param') return p.quoted ? `<$${p.name}>` : `$${p.name}`;
      if (p.type === 'command') return `$(${p.source})`;
      if (p.type === 'tilde') return `~${p.user}`;
      return `$((${p.expression}))`;
    })
    .join('');
}

describe('parser: words and quoting', () => {
  it('splits words on blanks', () => {
    const cmd = simple(parseOk('ls  -la   /root'));
    expect(cmd.words.map(show)).toEqual(['ls', '-la', '/root']);
  });

  it('keeps single-quoted text literal', () => {
    const cmd = simple(parseOk("echo 'hello $USER'"));
    expect(show(cmd.words[1])).toBe('<hello $USER>');
  });

  it('expands variables inside double quotes', () => {
    const cmd = simple(parseOk('echo "hi $USER and ${HOME}!"'));
    expect(show(cmd.words[1])).toBe('<hi ><$USER>< and ><$HOME><!>');
  });

  it('handles backslash escapes outside and inside double quotes', () => {
    const cmd = simple(parseOk('echo a\\ b "c\\"d" "e\\n"'));
    expect(cmd.words.map(show)).toEqual(['echo', 'a< >b', '<c"d>', '<e\\n>']);
  });

  it('recognises special parameters and command substitution', () => {
    const cmd = simple(parseOk('echo $? $$ $(hostname) `whoami`'));
    expect(cmd.words.slice(1).map(show)).toEqual(['$?', '$$', '$(hostname)', '$(whoami)']);
  });

  it('parses ${VAR:-default} and ${#VAR}', () => {
    const cmd = simple(parseOk('echo ${NAME:-world} ${#HOME}'));
    const first = cmd.words[1]?.parts[0];
    expect(first).toMatchObject({ type: 'param', name: 'NAME', operator: ':-' });
    expect(cmd.words[2]?.parts[0]).toMatchObject({ type: 'param', name: 'HOME', length: true });
  });

  it('marks a leading tilde', () => {
    expect(show(simple(parseOk('cd ~/external')).words[1])).toBe('~/external');
  });

  it('treats empty quotes as an argument', () => {
    expect(simple(parseOk('echo "" x')).words).toHaveLength(3);
  });

  it('reports unbalanced quotes as incomplete input', () => {
    expect(parse("echo 'abc")).toMatchObject({ ok: false, incomplete: true });
    expect(parse('echo "abc')).toMatchObject({ ok: false, incomplete: true });
  });

  it('skips comments', () => {
    expect(simple(parseOk('echo hi # a comment')).words.map(show)).toEqual(['echo', 'hi']);
  });
});

describe('parser: assignments', () => {
  it('recognises leading assignments', () => {
    const cmd = simple(parseOk('X=1 Y="a b" env'));
    expect(cmd.assignments.map((a) => [a.name, show(a.value)])).toEqual([
      ['X', '1'],
      ['Y', '<a b>'],
    ]);
    expect(cmd.words.map(show)).toEqual(['env']);
  });

  it('does not treat later words as assignments', () => {
    const cmd = simple(parseOk('echo X=1'));
    expect(cmd.assignments).toHaveLength(0);
    expect(cmd.words.map(show)).toEqual(['echo', 'X=1']);
  });
});

describe('parser: operators', () => {
  it('parses ; && || and background &', () => {
    const script = parseOk('a; b && c || d & e');
    expect(script.items).toHaveLength(3);
    expect(script.items[1]?.command.rest.map((r) => r.operator)).toEqual(['&&', '||']);
    expect(script.items[1]?.background).toBe(true);
    expect(script.items[1]?.source).toBe('b && c || d');
    expect(script.items[2]?.background).toBe(false);
  });

  it('parses pipelines and negation', () => {
    const script = parseOk('! cat a | grep x | wc -l');
    const pipeline = script.items[0]?.command.first;
    expect(pipeline?.negated).toBe(true);
    expect(pipeline?.commands).toHaveLength(3);
  });

  it('asks for more input after a trailing operator', () => {
    expect(parse('ls |')).toMatchObject({ ok: false, incomplete: true });
    expect(parse('ls &&')).toMatchObject({ ok: false, incomplete: true });
  });

  it('rejects misplaced operators like bash', () => {
    expect(parse('; ls')).toEqual({ ok: false, incomplete: false, message: "bash: syntax error near unexpected token `;'" });
    expect(parse('| ls')).toMatchObject({ message: "bash: syntax error near unexpected token `|'" });
    expect(parse('ls && && x')).toMatchObject({ message: "bash: syntax error near unexpected token `&&'" });
  });

  it('parses subshells', () => {
    const script = parseOk('(cd /tmp; pwd) && pwd');
    expect(script.items[0]?.command.first.commands[0]?.type).toBe('subshell');
  });
});

describe('parser: redirections', () => {
  it('parses output, append, input and fd redirections', () => {
    const cmd = simple(parseOk('cmd > out.txt >> log 2> err < in 2>&1'));
    expect(cmd.redirects.map((r) => [r.fd, r.operator, show(r.target)])).toEqual([
      [1, '>', 'out.txt'],
      [1, '>>', 'log'],
      [2, '>', 'err'],
      [0, '<', 'in'],
      [2, '>&', '1'],
    ]);
  });

  it('allows redirections before the command name and without spaces', () => {
    const cmd = simple(parseOk('>x echo hi'));
    expect(cmd.redirects[0]?.operator).toBe('>');
    expect(cmd.words.map(show)).toEqual(['echo', 'hi']);
    expect(show(simple(parseOk('echo hi>x')).redirects[0]?.target)).toBe('x');
  });

  it('rejects a redirection without target', () => {
    expect(parse('echo >')).toMatchObject({ ok: false, incomplete: false });
  });
});

describe('parser: here-documents', () => {
  it('reads the body up to the delimiter', () => {
    const script = parseOk('cat <<EOF > index.html\n<html>\nhello $NAME\nEOF\necho done');
    const cat = simple(script);
    const redirect = cat.redirects[0];
    expect(redirect?.heredoc?.expand).toBe(true);
    expect(show(redirect?.heredoc?.body)).toBe('<<html>\nhello ><$NAME><\n>');
    expect(cat.redirects[1]?.operator).toBe('>');
    expect(script.items).toHaveLength(2);
  });

  it('does not expand with a quoted delimiter', () => {
    const redirect = simple(parseOk("cat <<'EOF'\n$HOME\nEOF\n")).redirects[0];
    expect(redirect?.heredoc).toMatchObject({ expand: false });
    expect(show(redirect?.heredoc?.body)).toBe('<$HOME\n>');
  });

  it('strips leading tabs with <<-', () => {
    const redirect = simple(parseOk('cat <<-END\n\tindented\n\tEND\n')).redirects[0];
    expect(show(redirect?.heredoc?.body)).toBe('<indented\n>');
  });

  it('is incomplete until the delimiter arrives', () => {
    expect(parse('cat <<EOF')).toMatchObject({ ok: false, incomplete: true });
    expect(parse('cat <<EOF\nline')).toMatchObject({ ok: false, incomplete: true });
  });

  it('accepts end of input as the delimiter when asked to', () => {
    const result = parse('cat <<EOF\nline', { eofEndsHeredoc: true });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.warnings[0]).toContain('wanted `EOF');
  });
});
