import { describe, expect, it } from 'vitest';
import type { ProjectMemberDto } from '@sandcloud/api-schemas';
import { findMember, isSoleAdmin, memberActionBlock } from './member-rules.ts';

const admin: ProjectMemberDto = { userId: 'u1', username: 'admin', role: 'admin' };
const kim: ProjectMemberDto = { userId: 'u2', username: 'kim', role: 'member' };
const lee: ProjectMemberDto = { userId: 'u3', username: 'lee', role: 'admin' };

describe('member rules', () => {
  it('finds the sole admin, and no sole admin once there are two', () => {
    expect(isSoleAdmin([admin, kim], admin)).toBe(true);
    expect(isSoleAdmin([admin, kim], kim)).toBe(false);
    expect(isSoleAdmin([admin, kim, lee], admin)).toBe(false);
  });

  it('blocks every action for non-admins, and demoting or removing the last admin', () => {
    expect(memberActionBlock(false, [admin, kim], kim)).toBe('members.adminOnly');
    expect(memberActionBlock(true, [admin, kim], admin)).toBe('members.lastAdmin');
    expect(memberActionBlock(true, [admin, kim], kim)).toBeUndefined();
    expect(memberActionBlock(true, [admin, kim, lee], admin)).toBeUndefined();
  });

  it('finds an existing member by the trimmed user name', () => {
    expect(findMember([admin, kim], ' kim ')).toBe(kim);
    expect(findMember([admin, kim], 'Kim')).toBeUndefined();
  });
});
