import { describe, expect, it } from 'vitest';
import { expandPrompt } from './prompt.ts';

const base = { user: 'root', hostname: 'host-192-168-0-4', home: '/root', now: 0 };

describe('expandPrompt', () => {
  it('renders the CentOS prompt with ~ for home', () => {
    expect(expandPrompt('[\\u@\\h \\W]\\$ ', { ...base, cwd: '/root' })).toBe('[root@host-192-168-0-4 ~]# ');
  });

  it('shows the basename of other directories', () => {
    expect(expandPrompt('[\\u@\\h \\W]\\$ ', { ...base, cwd: '/root/external' })).toBe('[root@host-192-168-0-4 external]# ');
    expect(expandPrompt('[\\u@\\h \\W]\\$ ', { ...base, cwd: '/' })).toBe('[root@host-192-168-0-4 /]# ');
  });

  it('renders the Debian-style prompt with the full path', () => {
    expect(expandPrompt('\\u@\\h:\\w\\$ ', { ...base, cwd: '/root/external' })).toBe('root@host-192-168-0-4:~/external# ');
  });
});
