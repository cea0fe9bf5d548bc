// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api-client.ts';
import { checkedCatalogue, errorCatalogue, localizeErrorMessage, topicParticle } from './error-messages.ts';
import { LANGUAGE_STORAGE_KEY } from './language.ts';

// Each catalogue is held to the domain's ERROR_MESSAGES by the type checker (`checkedCatalogue`):
// `npm run typecheck` fails on each `@ts-expect-error` below that is no longer an error.
describe('the error catalogue', () => {
  it('refuses, at compile time, an unknown value, a key that is no code, an empty or a missing message', () => {
    const en = { ...errorCatalogue.en };
    // @ts-expect-error {host} is not a value volume.inUse is sent with
    checkedCatalogue({ ...en, 'volume.inUse': 'Volume {name} is attached to {host}' });
    // @ts-expect-error volume.unknown is not a message code
    checkedCatalogue({ ...en, 'volume.unknown': 'Unknown' });
    // @ts-expect-error name.required is empty
    checkedCatalogue({ ...en, 'name.required': '' });
    const { 'name.required': _missing, ...withoutOne } = en;
    // @ts-expect-error name.required has no message
    checkedCatalogue(withoutOne);
    // The kind's particle forms are usable wherever the kind is sent.
    expect(checkedCatalogue({ ...en, 'name.taken': '{kindSubject} {name}' })['name.taken']).toBe('{kindSubject} {name}');
  });
});

describe('localizeErrorMessage', () => {
  const refusal = { kind: 'instance', name: 'web', action: 'start', status: 'ACTIVE' };

  it('reads a lifecycle refusal in Korean with the kind, its particle and the action translated', () => {
    expect(localizeErrorMessage('ko', 'lifecycle.invalidState', refusal, 'Cannot start instance web while it is ACTIVE')).toBe(
      'web 인스턴스는 ACTIVE 상태라 시작할 수 없습니다.',
    );
    expect(localizeErrorMessage('ko', 'lifecycle.invalidState', { ...refusal, kind: 'volume', name: 'data', action: 'hard reboot' }, '')).toBe(
      'data 블록 스토리지는 ACTIVE 상태라 하드 재부팅할 수 없습니다.',
    );
    expect(localizeErrorMessage('en', 'lifecycle.invalidState', refusal, 'server text')).toBe('Cannot start instance web while it is ACTIVE');
  });

  it("falls back to the server's message for an unknown code, no code, or a missing value", () => {
    expect(localizeErrorMessage('ko', 'compute.somethingNew', { name: 'web' }, 'Something new went wrong')).toBe('Something new went wrong');
    expect(localizeErrorMessage('ko', undefined, undefined, 'Plain message')).toBe('Plain message');
    expect(localizeErrorMessage('ko', 'volume.inUse', { name: 'data' }, 'Volume data is attached')).toBe('Volume data is attached');
    expect(localizeErrorMessage('ko', 'toString', {}, 'not a catalogue key')).toBe('not a catalogue key');
  });

  it('names every quota in either language, the newest ones too', () => {
    const params = { resource: 'volumeSnapshots', wanted: 1, left: 0, limit: 10 };
    expect(localizeErrorMessage('ko', 'quota.exceeded', params, '')).toBe('블록 스토리지 스냅샷 할당량(10개)을 초과합니다: 1개가 필요하지만 0개만 남았습니다.');
    expect(localizeErrorMessage('en', 'quota.exceeded', params, '')).toBe('Quota exceeded for volume snapshots (limit 10): this needs 1, but only 0 of 10 are left');
  });

  it('chooses 은 or 는 by the last syllable', () => {
    expect(topicParticle('인스턴스')).toBe('는');
    expect(topicParticle('볼륨')).toBe('은');
    expect(topicParticle('Floating IP')).toBe('은(는)');
    expect(localizeErrorMessage('ko', 'name.taken', { kind: 'user', name: 'kim' }, '')).toBe('이름이 kim인 사용자가 이미 있습니다.');
    expect(localizeErrorMessage('ko', 'name.taken', { kind: 'security group', name: 'web' }, '')).toBe('이름이 web인 보안 그룹이 이미 있습니다.');
    expect(localizeErrorMessage('ko', 'resource.notFound', { kind: 'volume', id: 'v1' }, '')).toBe('ID가 v1인 블록 스토리지를 찾을 수 없습니다.');
  });
});

describe('VPC, classroom and instance messages', () => {
  it('names where an overlapping subnet is, with the kind translated', () => {
    const params = { cidr: '10.0.1.128/25', subnet: 'a', subnetCidr: '10.0.1.0/24', kind: 'VPC', name: 'vpc-b' };
    expect(localizeErrorMessage('ko', 'subnet.overlaps', params, '')).toBe('10.0.1.128/25은(는) vpc-b VPC의 a 서브넷(10.0.1.0/24)과 겹칩니다.');
    expect(localizeErrorMessage('ko', 'subnet.overlaps', { ...params, kind: 'routing table', name: 'rt' }, '')).toBe('10.0.1.128/25은(는) rt 라우팅 테이블의 a 서브넷(10.0.1.0/24)과 겹칩니다.');
    expect(localizeErrorMessage('en', 'subnet.overlaps', params, '')).toBe("10.0.1.128/25 overlaps subnet 'a' (10.0.1.0/24) of VPC 'vpc-b'");
  });

  it('puts the object particle after a VPC or a subnet that ports still use', () => {
    expect(localizeErrorMessage('ko', 'network.portsInUse', { kind: 'subnet', name: 'a', count: 2, ports: 'db, web' }, '')).toBe(
      'a 서브넷을 포트 2개가 사용하고 있습니다: db, web. 먼저 포트를 삭제하거나 연결을 해제하세요.',
    );
    expect(localizeErrorMessage('ko', 'network.portsInUse', { kind: 'VPC', name: 'v', count: 1, ports: 'web' }, '')).toContain('v VPC을(를) 포트 1개가');
  });

  it('says which learner of the list is wrong, and what an address was for', () => {
    expect(localizeErrorMessage('ko', 'classroom.learnerUsernameTwice', { number: 2, learner: 'B', username: 'ann' }, '')).toBe(
      '2번째 학습자(B): 사용자 이름 ann이(가) 목록에 두 번 있습니다.',
    );
    expect(localizeErrorMessage('ko', 'address.outsideSubnet', { kind: 'gateway', address: '10.0.4.1', subnet: 'x', cidr: '10.0.3.0/24' }, '')).toBe(
      '게이트웨이 10.0.4.1은(는) x 서브넷(10.0.3.0/24) 범위를 벗어납니다.',
    );
    expect(localizeErrorMessage('en', 'address.outsideSubnet', { kind: 'gateway', address: '10.0.4.1', subnet: 'x', cidr: '10.0.3.0/24' }, '')).toBe(
      "The gateway 10.0.4.1 is outside subnet 'x' (10.0.3.0/24)",
    );
  });

  it('has a Korean word for every kind a not-found error names and every action an instance refusal names', () => {
    expect(localizeErrorMessage('ko', 'resource.notFound', { kind: 'router', id: 'r1' }, '')).toBe('ID가 r1인 라우팅 테이블을 찾을 수 없습니다.');
    expect(localizeErrorMessage('ko', 'resource.notFound', { kind: 'server group', id: 'g1' }, '')).toBe('ID가 g1인 서버 그룹을 찾을 수 없습니다.');
    expect(localizeErrorMessage('ko', 'instance.needsActiveOrShutoff', { name: 'web', action: 'attach a volume to', status: 'BUILD' }, '')).toBe(
      'web 인스턴스가 BUILD 상태라 블록 스토리지를 연결할 수 없습니다. ACTIVE 또는 SHUTOFF 상태가 될 때까지 기다리세요.',
    );
  });

  it("reads the connect tab's reason in Korean", () => {
    expect(localizeErrorMessage('ko', 'connect.noFloatingIp', { name: 'web' }, 'web has no floating IP')).toBe(
      'web 인스턴스에 Floating IP가 연결되어 있지 않아 이 컴퓨터에서 접속할 수 없습니다. 먼저 Floating IP를 연결하세요.',
    );
  });

  it('translates the interface actions and the quota a limit is below', () => {
    expect(localizeErrorMessage('ko', 'instance.needsActiveOrShutoff', { name: 'web', action: 'attach a network interface to', status: 'BUILD' }, '')).toBe(
      'web 인스턴스가 BUILD 상태라 네트워크 인터페이스를 연결할 수 없습니다. ACTIVE 또는 SHUTOFF 상태가 될 때까지 기다리세요.',
    );
    expect(localizeErrorMessage('ko', 'quota.belowUsage', { resource: 'instances', value: 2, used: 3 }, '')).toBe(
      '인스턴스 할당량을 2(으)로 정할 수 없습니다. 현재 사용량이 3입니다. 먼저 일부를 삭제하거나 3 이상으로 정하세요.',
    );
    expect(localizeErrorMessage('en', 'quota.belowUsage', { resource: 'instances', value: 2, used: 3 }, 'x')).toBe(
      'The instances quota cannot be 2: the project already uses 3; delete some first or choose at least 3',
    );
  });
});

describe('ApiRequestError', () => {
  afterEach(() => localStorage.clear());

  it('reads its message in the language selected when it is shown', () => {
    const error = new ApiRequestError(409, 'CONFLICT', 'Security group web-sg is in use by 1 port(s); remove it from them first', undefined, undefined, 'securityGroup.inUse', {
      name: 'web-sg',
      count: 1,
    });
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'ko');
    expect(error.message).toBe('web-sg 보안 그룹을 포트 1개가 사용하고 있습니다. 먼저 포트에서 제거하세요.');
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    expect(error.message).toBe('Security group web-sg is in use by 1 port(s); remove it from them first');
    expect(error.serverMessage).toBe('Security group web-sg is in use by 1 port(s); remove it from them first');
  });

  it('keeps the server message when it has no message code', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'ko');
    expect(new ApiRequestError(500, 'INTERNAL', 'Something went wrong').message).toBe('Something went wrong');
  });
});
