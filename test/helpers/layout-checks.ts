import type { Page } from 'playwright-core';

/** One element that does not fit, described so a failing test says which and by how much. */
export interface LayoutProblem {
  element: string;
  problem: string;
}

/**
 * Elements in the page whose box sticks out of their parent's box or out of the viewport, and
 * the page itself if it scrolls sideways. Controls, table cells, headings and header items are
 * checked; elements that are hidden, inside a scroll container (which is meant to scroll) or in
 * a fixed overlay are not. One pixel of rounding is tolerated.
 */
export function overflowingElements(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(() => {
    const problems: { element: string; problem: string }[] = [];
    const describe = (element: Element): string => {
      const id = element.id ? `#${element.id}` : '';
      const classes = [...element.classList].map((name) => `.${name}`).join('');
      const text = element.textContent.trim().slice(0, 30);
      return `${element.tagName.toLowerCase()}${id}${classes}${text ? ` "${text}"` : ''}`;
    };
    const viewportWidth = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > viewportWidth + 1)
      problems.push({
        element: 'html',
        problem: `page is ${String(document.documentElement.scrollWidth)}px wide in a ${String(viewportWidth)}px window`,
      });
    const scrolls = (element: Element): boolean => {
      for (let at: Element | null = element.parentElement; at; at = at.parentElement) {
        const overflowX = getComputedStyle(at).overflowX;
        if (overflowX === 'auto' || overflowX === 'scroll') return true;
      }
      return false;
    };
    const CHECKED =
      'header *, main form > *, main input, main select, main textarea, main button, main a, main label, main th, main td, main h1, main h2, main table, main .field, main dd';
    for (const element of document.querySelectorAll(CHECKED)) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (getComputedStyle(element).visibility === 'hidden' || scrolls(element)) continue;
      if (box.right > viewportWidth + 1)
        problems.push({
          element: describe(element),
          problem: `ends at ${String(Math.round(box.right))}px, past the window's ${String(viewportWidth)}px`,
        });
      const parent = element.parentElement;
      if (!parent || getComputedStyle(element).position === 'absolute') continue;
      const outer = parent.getBoundingClientRect();
      const past = Math.max(box.right - outer.right, outer.left - box.left);
      if (past > 1)
        problems.push({
          element: describe(element),
          problem: `sticks ${String(Math.round(past))}px out of its parent ${describe(parent).slice(0, 60)}`,
        });
    }
    return problems;
  });
}

/**
 * Items (matched by `selector`) whose text runs onto more than one line: the text's line boxes
 * are counted, so padding, borders and font size do not matter.
 */
export function wrappedElements(page: Page, selector: string): Promise<LayoutProblem[]> {
  return page.evaluate((itemSelector) => {
    const problems: { element: string; problem: string }[] = [];
    for (const element of document.querySelectorAll(itemSelector)) {
      if (element.getBoundingClientRect().width === 0) continue;
      const range = document.createRange();
      range.selectNodeContents(element);
      // A rect that starts below the bottom of the line so far starts a new line; rects of
      // mixed font sizes on one line overlap vertically.
      const rects = [...range.getClientRects()].filter((rect) => rect.width > 0).sort((a, b) => a.top - b.top);
      let lines = 0;
      let lineBottom = -Infinity;
      for (const rect of rects) {
        if (rect.top >= lineBottom - 1) {
          lines += 1;
          lineBottom = rect.bottom;
        } else lineBottom = Math.max(lineBottom, rect.bottom);
      }
      if (lines > 1)
        problems.push({
          element: `${element.tagName.toLowerCase()} "${element.textContent.trim().slice(0, 40)}"`,
          problem: `wraps onto ${String(lines)} lines`,
        });
    }
    return problems;
  }, selector);
}

/**
 * Table cells laid out as something else than a cell (a `display: flex` on a `td`, say): the
 * row's borders and heights break around them.
 */
export function brokenTableCells(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('td, th')]
      .filter((cell) => !['table-cell', 'none'].includes(getComputedStyle(cell).display))
      .map((cell) => ({
        element: `${cell.tagName.toLowerCase()}.${[...cell.classList].join('.')}`,
        problem: `is display: ${getComputedStyle(cell).display}, not a table cell`,
      })),
  );
}
