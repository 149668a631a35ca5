import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The page has no axe violations under the WCAG 2.1 A/AA rules. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // After a client-side navigation Next sets the new title a moment later (streamed metadata):
  // wait for it, so that axe judges the page a reader ends up with (a page without one fails here).
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
