import { describe, expect, it } from 'vitest';
import { bootTestMachine, settle, shellOf } from '../testing/harness.ts';

function shell() {
  const machine = bootTestMachine();
  return { machine, ...shellOf(machine) };
}

describe('interpreter: variables and status', () => {
  it('assigns, expands and exports variables', async () => {
    const { run } = shell();
    await run('X=1');
    expect((await run('echo "x=$X" ${X}y')).stdout).toBe('x=1 1y\n');
    expect((await run('env | grep ^X=')).exitCode).toBe(1);
    await run('export X');
    expect((await run('env | grep ^X=')).stdout).toBe('X=1\n');
  });

  it('applies prefix assignments to one command only', async () => {
    const { run } = shell();
    expect((await run('GREETING=hi env | grep GREETING')).stdout).toBe('GREETING=hi\n');
    expect((await run('echo "[$GREETING]"')).stdout).toBe('[]\n');
  });

  it('reports $? and runs && / || by status', async () => {
    const { run } = shell();
    expect((await run('false; echo $?')).stdout).toBe('1\n');
    expect((await run('true && echo yes || echo no')).stdout).toBe('yes\n');
    expect((await run('false && echo yes || echo no')).stdout).toBe('no\n');
    expect((await run('! false && echo negated')).stdout).toBe('negated\n');
  });

  it('answers unknown commands with 127', async () => {
    const { run } = shell();
    expect(await run('foo')).toEqual({ stdout: '', stderr: 'bash: foo: command not found\n', exitCode: 127 });
  });

  it('reports syntax errors with status 2', async () => {
    const { run } = shell();
    const result = await run('echo a ;; echo b');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe("bash: syntax error near unexpected token `;;'\n");
  });

  it('splits unquoted expansions into fields but not quoted ones', async () => {
    const { run } = shell();
    await run('LIST="a  b c"');
    expect((await run('echo $LIST | wc -w')).stdout).toBe('3\n');
    expect((await run('printf_words=$(echo $LIST); echo "$printf_words"')).stdout).toBe('a b c\n');
    expect((await run('echo "$LIST"')).stdout).toBe('a  b c\n');
  });

  it('supports command substitution and arithmetic', async () => {
    const { run } = shell();
    expect((await run('echo "host: $(hostname) sum: $((2 * (3 + 4)))"')).stdout).toBe('host: host-192-168-0-4 sum: 14\n');
    expect((await run('echo `whoami`')).stdout).toBe('root\n');
  });

  it('expands ~ and globs', async () => {
    const { run } = shell();
    await run('touch a.txt b.txt c.log');
    expect((await run('echo *.txt')).stdout).toBe('a.txt b.txt\n');
    expect((await run('echo "*.txt"')).stdout).toBe('*.txt\n');
    expect((await run('echo *.none')).stdout).toBe('*.none\n');
    expect((await run('echo ~ ~/x')).stdout).toBe('/root /root/x\n');
  });
});

describe('interpreter: pipes and redirections', () => {
  it('connects pipeline stages', async () => {
    const { run } = shell();
    expect((await run('echo -e "b\\na\\nb" | grep b | wc -l')).stdout).toBe('2\n');
  });

  it('redirects stdout with > and >>', async () => {
    const { run } = shell();
    await run('echo one > f.txt');
    await run('echo two >> f.txt');
    expect((await run('cat f.txt')).stdout).toBe('one\ntwo\n');
    await run('echo three > f.txt');
    expect((await run('cat f.txt')).stdout).toBe('three\n');
  });

  it('reads stdin with <', async () => {
    const { run } = shell();
    await run('echo -e "1\\n2\\n3" > n.txt');
    expect((await run('wc -l < n.txt')).stdout).toBe('3\n');
    expect((await run('cat < missing')).stderr).toBe('bash: missing: No such file or directory\n');
  });

  it('redirects stderr with 2> and 2>&1', async () => {
    const { run } = shell();
    const quiet = await run('cat nofile 2> err.txt');
    expect(quiet.stderr).toBe('');
    expect((await run('cat err.txt')).stdout).toBe('cat: nofile: No such file or directory\n');
    expect((await run('cat nofile 2>&1 | wc -l')).stdout).toBe('1\n');
    expect((await run('cat nofile 2>/dev/null')).stderr).toBe('');
  });

  it('feeds here-documents, expanding unless the delimiter is quoted', async () => {
    const { run } = shell();
    await run('NAME=world');
    expect((await run('cat <<EOF\nhello $NAME\nEOF')).stdout).toBe('hello world\n');
    expect((await run("cat <<'EOF'\nhello $NAME\nEOF")).stdout).toBe('hello $NAME\n');
    expect((await run('cat <<< "here string"')).stdout).toBe('here string\n');
  });

  it('fails redirections to missing directories', async () => {
    const { run } = shell();
    const result = await run('echo x > nodir/file');
    expect(result).toMatchObject({ exitCode: 1, stderr: 'bash: nodir/file: No such file or directory\n' });
  });
});

describe('interpreter: builtins, subshells and scripts', () => {
  it('keeps cd in the session but not in subshells', async () => {
    const { run } = shell();
    await run('cd /tmp');
    expect((await run('pwd')).stdout).toBe('/tmp\n');
    await run('(cd /etc; pwd)');
    expect((await run('pwd')).stdout).toBe('/tmp\n');
    expect((await run('cd /nope')).stderr).toBe('bash: cd: /nope: No such file or directory\n');
  });

  it('runs executable scripts and bash -c', async () => {
    const { run } = shell();
    await run("echo 'echo from script $1' > s.sh");
    expect((await run('./s.sh')).stderr).toBe('bash: ./s.sh: Permission denied\n');
    await run('chmod +x s.sh');
    expect((await run('./s.sh arg')).stdout).toBe('from script arg\n');
    expect((await run('bash -c "echo inner; exit 3"')).exitCode).toBe(3);
    expect((await run('/usr/bin/echo hi')).exitCode).toBe(127);
    expect((await run('/usr/bin/whoami')).stdout).toBe('root\n');
  });

  it('stops at exit', async () => {
    const { run } = shell();
    const result = await run('echo a; exit 4; echo b');
    expect(result).toMatchObject({ stdout: 'a\n', exitCode: 4 });
  });
});

describe('interpreter: background jobs', () => {
  it('starts jobs with &, lists them and kills them', async () => {
    const { machine, run } = shell();
    const started = await run('sleep 100 &');
    expect(started.stderr).toMatch(/^\[1\] \d+\n$/);
    expect((await run('jobs')).stdout).toBe('[1]+  Running                 sleep 100 &\n');
    expect((await run('ps')).stdout).toContain(' sleep\n');
    expect((await run('kill %1')).exitCode).toBe(0);
    await settle();
    expect((await run('jobs')).stdout).toBe('[1]+  Terminated              sleep 100\n');
    expect((await run('jobs')).stdout).toBe('');
    expect((await run('kill %1')).stderr).toBe('bash: kill: %1: no such job\n');
    void machine;
  });

  it('kills by pid and sets $!', async () => {
    const { run } = shell();
    await run('sleep 50 &');
    const pid = (await run('echo $!')).stdout.trim();
    expect((await run(`kill ${pid}`)).exitCode).toBe(0);
    expect((await run('kill 99999')).stderr).toBe('bash: kill: (99999) - No such process\n');
  });

  it('lets a job finish in simulated time', async () => {
    const { machine, run } = shell();
    await run('sleep 1 &');
    await machine.advance(1500);
    expect((await run('jobs')).stdout).toBe('[1]+  Done                    sleep 1\n');
  });
});
