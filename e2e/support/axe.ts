import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

// Accessibility checks with axe-core: the WCAG 2.1 A/AA rules, on the page as it is now (a dialog
// or a menu open counts). Only serious and critical violations fail: the bar the console keeps.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The serious and critical violations on the page, one line each: rule, impact, help, where. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .slice(0, 4)
          .map((node) => node.target.join(' '))
          .join(' | ')}${violation.nodes.length > 4 ? ` and ${violation.nodes.length - 4} more` : ''}`,
    );
}

/**
 * Asserts the screen has no serious or critical violation, softly: a walk over many screens
 * reports every screen's problems in one run, and the test still fails.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Wait for what is loading to be there (skeletons gone) so the check sees the screen, not its placeholder.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  expect.soft(await seriousViolations(page), `axe on ${screen}`).toEqual([]);
}
