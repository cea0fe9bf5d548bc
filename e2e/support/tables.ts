import { expect, type Locator } from '@playwright/test';

/**
 * The cell of `row` under the column headed `header` (e.g. "연결 정보"), found by the header's
 * position so a test reads a column by the name the user sees.
 */
export async function cellUnder(table: Locator, row: Locator, header: string): Promise<Locator> {
  // The table renders its headers with its first page of rows (lazy screen, then data): wait for them
  // instead of reading an empty header row.
  await expect(table.getByRole('columnheader').filter({ hasText: header }).first()).toBeVisible();
  const headers = (await table.getByRole('columnheader').allTextContents()).map((text) => text.trim());
  const index = headers.indexOf(header);
  expect(index, `the table has a "${header}" column (it has: ${headers.join(' | ')})`).toBeGreaterThan(-1);
  return row.getByRole('cell').nth(index);
}
