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
