// @vitest-environment happy-dom
import { ERROR_MESSAGE_CODES, ERROR_MESSAGES } from '@sandcloud/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api-client.ts';
import { errorCatalogue, localizeErrorMessage, topicParticle } from './error-messages.ts';
import { LANGUAGE_STORAGE_KEY } from './language.ts';

// The engine's and the BFF's sources as text (Vite reads them at build time; the console itself
// never imports them).
const sources = {
  ...import.meta.glob<string>(['../../../../../packages/engine/src/**/*.ts', '!**/*.test.ts'], { query: '?raw', import: 'default', eager: true }),
  ...import.meta.glob<string>(['../../../../bff/src/**/*.ts', '!**/*.test.ts'], { query: '?raw', import: 'default', eager: true }),
};

/** Every `.coded('…'` and HttpError message code written in the engine's and the BFF's sources. */
function codesThrownInSources(): Set<string> {
  const codes = new Set<string>();
  for (const text of Object.values(sources)) {
    for (const match of text.matchAll(/\.coded\(\s*'([\w.]+)'/g)) codes.add(match[1]!);
    for (const match of text.matchAll(/new HttpError\([^;]*?, '([a-z]\w*\.\w+)'/g)) codes.add(match[1]!);
  }
  return codes;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);

describe('the error catalogue', () => {
  it('has a Korean and an English message for every code the server can send', () => {
    const thrown = codesThrownInSources();
    expect(thrown.size).toBeGreaterThan(60);
    for (const code of thrown) expect(ERROR_MESSAGE_CODES, `${code} is thrown but not in ERROR_MESSAGES`).toContain(code);
    for (const code of ERROR_MESSAGE_CODES) {
      expect(errorCatalogue.ko[code], `ko ${code}`).toMatch(/\S/);
      expect(errorCatalogue.en[code], `en ${code}`).toMatch(/\S/);
    }
    expect(Object.keys(errorCatalogue.ko).sort()).toEqual([...ERROR_MESSAGE_CODES].sort());
    expect(Object.keys(errorCatalogue.en).sort()).toEqual([...ERROR_MESSAGE_CODES].sort());
  });

  it('uses only the values each code is sent with', () => {
    for (const code of ERROR_MESSAGE_CODES) {
      const sent: readonly string[] = ERROR_MESSAGES[code];
      const known = sent.includes('kind') ? [...sent, 'kindTopic', 'kindSubject', 'kindObject'] : sent;
      for (const language of ['ko', 'en'] as const) {
        for (const name of placeholders(errorCatalogue[language][code])) expect(known, `${language} ${code} uses {${name}}`).toContain(name);
      }
    }
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
