import { expect, type Locator, type Page } from '@playwright/test';

// The instance page's web console (`?tab=console`) as a user sees it: an xterm.js terminal per
// session, named "Console NAME #N", whose visible rows are `.xterm-rows` elements. Tests type
// with the keyboard into the focused terminal and read what the screen shows.

/** A shell prompt with nothing typed after it: `[root@host-192-168-0-4 ~]#`, in any directory. */
export const BARE_PROMPT = /^\[root@[^\s\]]+ [^\]]+\]#$/;

/** The prompt the guide shows for an instance with this private IP (in /root). */
export const promptFor = (privateIp: string) => `[root@host-${privateIp.replaceAll('.', '-')} ~]#`;

export class ConsoleTerminal {
  readonly region: Locator;

  constructor(
    readonly page: Page,
    readonly instanceName: string,
    readonly session = 1,
  ) {
    this.region = page.getByRole('region', { name: `Console ${instanceName} #${session}`, exact: true });
  }

  /** The session's tab above the terminal ("NAME #N"). */
  get tab(): Locator {
    return this.page.getByRole('tab', { name: `${this.instanceName} #${this.session}`, exact: true });
  }

  /**
   * The rows on screen, trailing blanks trimmed (xterm renders spaces as no-break spaces). A hidden
   * session is not repainted, so read the session whose tab is selected.
   */
  async lines(): Promise<string[]> {
    return this.region
      .locator('.xterm-rows')
      .evaluate((rows) => Array.from(rows.children, (row) => (row.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()));
  }

  /** The screen as text, one line per row, without the empty rows below the last output. */
  async screen(): Promise<string> {
    return (await this.lines()).join('\n').trimEnd();
  }

  /** The last non-empty row: the prompt when the shell waits for a command. */
  async lastLine(): Promise<string> {
    return (await this.lines()).filter((line) => line !== '').at(-1) ?? '';
  }

  /** Waits until the shell has logged in and shows its prompt with nothing typed, and returns that prompt. */
  async ready(): Promise<string> {
    await expect(this.region).toBeVisible();
    await expect.poll(() => this.lastLine(), { message: `${this.instanceName} #${this.session} shows a prompt` }).toMatch(BARE_PROMPT);
    return this.lastLine();
  }

  /** Focuses the terminal (a click, as a user would) so the keyboard types into it. */
  async focus(): Promise<void> {
    await this.region.click();
  }

  /** Types text into the terminal without pressing Enter. */
  async type(text: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.type(text);
  }

  /** Presses one key or chord in the terminal: `Enter`, `Control+d`, `Control+c`. */
  async press(key: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.press(key);
  }

  /** Waits until the screen shows `text` (a substring, or a pattern matched against the whole screen). */
  async expectScreen(text: string | RegExp, message?: string): Promise<void> {
    const poll = expect.poll(() => this.screen(), { message: message ?? `${this.instanceName} #${this.session} shows ${String(text)}` });
    await (typeof text === 'string' ? poll.toContain(text) : poll.toMatch(text));
  }

  /**
   * Types `clear` and waits until the screen holds only a fresh prompt. It first waits for the
   * shell's echo of `clear`: on a screen that already held nothing but a prompt (a fresh session,
   * or right after another clear), "only a prompt" is true before the keystrokes have even reached
   * the shell, and a caller reading the prompt then would read a half-echoed `…]# c` instead.
   */
  async clear(): Promise<void> {
    const prompt = await this.ready();
    await this.type('clear');
    await expect.poll(() => this.lastLine(), { message: `${this.instanceName} #${this.session} echoes "clear"` }).toBe(`${prompt} clear`);
    await this.page.keyboard.press('Enter');
    await expect
      .poll(async () => (await this.lines()).filter((line) => line !== ''), { message: `${this.instanceName} #${this.session} is cleared` })
      .toEqual([expect.stringMatching(BARE_PROMPT)]);
  }

  /**
   * Runs one command the way a user does (type it, Enter) and returns the rows it printed before
   * the next prompt. The screen is cleared first: the terminal shows only its last rows, so a
   * command's output is read unambiguously from a screen that starts with it.
   */
  async run(command: string): Promise<string[]> {
    await this.clear();
    const prompt = await this.lastLine();
    await this.type(command);
    await this.page.keyboard.press('Enter');
    const commandLine = `${prompt} ${command}`;
    let output: string[] = [];
    await expect
      .poll(
        async () => {
          const lines = await this.lines();
          const start = lines.indexOf(commandLine);
          const end = lines.findIndex((line, index) => index > start && BARE_PROMPT.test(line));
          if (start < 0 || end < 0) return false;
          output = lines.slice(start + 1, end);
          return true;
        },
        { message: `"${command}" finishes in ${this.instanceName} #${this.session}` },
      )
      .toBe(true);
    return output;
  }
}
