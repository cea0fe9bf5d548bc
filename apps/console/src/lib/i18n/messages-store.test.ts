import { describe, expect, it } from 'vitest';
import { featureMessages } from './define-messages.ts';
import { loadLanguage, messageText, preloadMessages, registerFeatureMessages } from './messages-store.ts';

const downloads: string[] = [];
const table = <T extends Record<string, string>>(name: string, messages: T) => () => {
  downloads.push(name);
  return Promise.resolve({ messages });
};

describe('the message store', () => {
  it('loads a feature\'s table in the selected language only, suspending until it is there, and the other language before a switch', async () => {
    // A module evaluated before the app registered its namespaces asks for its table: kept until then.
    preloadMessages(['early']);
    expect(downloads).toEqual([]);
    registerFeatureMessages(
      [
        featureMessages<{ 'demo.hello': string }>(['demo'], { ko: table('demo-ko', { 'demo.hello': '안녕 {name}' }), en: table('demo-en', { 'demo.hello': 'Hello {name}' }) }),
        featureMessages<{ 'early.x': string }>(['early'], { ko: table('early-ko', { 'early.x': '일찍' }), en: table('early-en', { 'early.x': 'early' }) }),
      ],
      'ko',
    );
    expect(downloads).toEqual(['early-ko']);

    expect(messageText('ko', 'common.cancel')).toBe('취소');
    let thrown: unknown;
    try {
      messageText('ko', 'demo.hello');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Promise);
    await thrown;
    expect(messageText('ko', 'demo.hello')).toBe('안녕 {name}');
    expect(messageText('ko', 'early.x')).toBe('일찍');
    expect(downloads).toEqual(['early-ko', 'demo-ko']);

    await loadLanguage('en');
    expect(downloads).toEqual(['early-ko', 'demo-ko', 'early-en', 'demo-en']);
    expect(messageText('en', 'demo.hello')).toBe('Hello {name}');
    expect(messageText('en', 'nobody.key')).toBe('nobody.key');
    // After the switch, preloads are in the new language.
    preloadMessages(['demo']);
    expect(downloads).toHaveLength(4);
  });
});
