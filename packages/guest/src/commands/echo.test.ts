import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';
import { interpretEscapes } from './echo.ts';

describe('echo', () => {
  it('joins arguments with spaces', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('echo  hello   world')).stdout).toBe('hello world\n');
  });

  it('omits the newline with -n and interprets escapes with -e', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('echo -n hi')).stdout).toBe('hi');
    expect((await run('echo -e "a\\tb\\x41\\0101"')).stdout).toBe('a\tbAA\n');
    expect((await run('echo "a\\tb"')).stdout).toBe('a\\tb\n');
    expect((await run('echo -ne "x\\cy"')).stdout).toBe('x');
  });

  it('prints unknown options as text', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('echo -x -n')).stdout).toBe('-x -n\n');
  });
});

describe('interpretEscapes', () => {
  it('stops at \\c', () => {
    expect(interpretEscapes('a\\cb')).toEqual({ text: 'a', stop: true });
  });
});
