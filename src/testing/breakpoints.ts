// jsdom loads no stylesheet, so both of a breakpoint's alternatives (the table and the phone's cards, the
// Filters button and its panel) would be on screen at once. These rules stand in for Tailwind's at one width,
// so role queries and toBeVisible see what a browser of that width shows.
const RULES = {
  /** jsdom's own window, 1024 px: from `sm` up, the phone-only parts are hidden. */
  wide: '.sm\\:hidden { display: none; }',
  /** Below `sm`: `hidden` holds, and no `sm:` rule undoes it. */
  phone: '.hidden { display: none; }',
} as const

const style = document.createElement('style')
style.dataset.breakpoint = ''
document.head.append(style)

/** Shows the page as a browser of this width would (until the next call; the setup resets it to wide). */
export function emulateWidth(width: keyof typeof RULES): void {
  style.textContent = RULES[width]
}
