import { describe, expect, it } from 'vitest';
import { bootTestMachine, shellOf } from '../testing/harness.ts';

describe('cp', () => {
  it('copies files and into directories', async () => {
    const { run } = shellOf(bootTestMachine());
    await run('echo x > a; mkdir d; cp a b; cp a b d');
    expect((await run('cat b d/a d/b')).stdout).toBe('x\nx\nx\n');
  });

  it('needs -r for directories', async () => {
    const { run } = shellOf(bootTestMachine());
    await run('mkdir -p src/in; touch src/in/f');
    expect((await run('cp src dst')).stderr).toBe('cp: omitting directory ‘src’\n');
    expect((await run('cp -r src dst && ls dst/in')).stdout).toBe('f\n');
    expect((await run('cp -r src src/in')).stderr).toBe('cp: cannot copy a directory, ‘src’, into itself, ‘src/in’\n');
  });

  it('reports missing sources and operands', async () => {
    const { run } = shellOf(bootTestMachine());
    expect((await run('cp nofile x')).stderr).toBe('cp: cannot stat ‘nofile’: No such file or directory\n');
    expect((await run('cp a')).stderr).toBe("cp: missing destination file operand after ‘a’\nTry 'cp --help' for more information.\n");
  });

  it('copies between the root disk and a volume', async () => {
    const machine = bootTestMachine();
    machine.guest.attachDevice({ volumeId: 'v', sizeGb: 1, content: null });
    const { run } = shellOf(machine);
    await run('mkfs.ext4 -q /dev/vdb; mkdir ext; mount /dev/vdb ext; echo hi > index.html');
    expect((await run('cp index.html ext/ && cat ext/index.html')).stdout).toBe('hi\n');
  });
});

describe('mv', () => {
  it('renames, moves into directories and across filesystems', async () => {
    const machine = bootTestMachine();
    machine.guest.attachDevice({ volumeId: 'v', sizeGb: 1, content: null });
    const { run } = shellOf(machine);
    await run('mkfs.ext4 -q /dev/vdb; mkdir ext; mount /dev/vdb ext; echo hi > a');
    await run('mv a b');
    expect((await run('mv b ext/ && ls ext && ls b')).stdout).toBe('b\nlost+found\n');
    expect((await run('mv nofile x')).stderr).toBe('mv: cannot stat ‘nofile’: No such file or directory\n');
  });
});
