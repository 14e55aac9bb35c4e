import { textOf, type Translate } from "../../i18n/index.js";
import type { View, ViewButton } from "../../flows/types.js";
import { attach, truncateLabel, type Button, type OutgoingMessage, type PlatformLimits } from "../../domain/messaging.js";

/** Turns a neutral view into messages that fit the platform: text length, keyboard grid, label length. */

// Shared with the jobs' outbound rendering, so kept below the bot; re-exported for the bot.
export { textOf } from "../../i18n/index.js";
export { attach, splitText } from "../../domain/messaging.js";

export interface LayoutOptions {
  limits: PlatformLimits;
  t: Translate;
  page: number;
  encode: (action: string) => string;
  /** Rows of buttons a prompt may use at most, below the platform's own cap. */
  maxRows?: number;
}

function perRowFor(labels: string[], hint: number | undefined, limits: PlatformLimits): number {
  if (hint) return Math.max(1, Math.min(hint, limits.maxButtonsPerRow));
  const longest = labels.reduce((m, l) => Math.max(m, l.length), 0);
  if (longest <= 4) return Math.min(5, limits.maxButtonsPerRow);
  if (longest <= 16) return Math.min(2, limits.maxButtonsPerRow);
  return 1;
}

/** Lays out options and navigation within the platform's grid, paginating options when needed. */
export function layoutKeyboard(
  options: ViewButton[],
  nav: ViewButton[][],
  perRowHint: number | undefined,
  o: LayoutOptions,
): { rows: Button[][]; page: number; pages: number } {
  const toButton = (b: ViewButton): Button => ({
    label: truncateLabel(textOf(b.label, o.t), o.limits.maxLabelLength),
    payload: o.encode(b.action),
  });
  const navRows = nav
    .filter((r) => r.length > 0)
    .flatMap((row) => chunk(row.map(toButton), o.limits.maxButtonsPerRow));
  const optionButtons = options.map(toButton);
  const perRow = perRowFor(optionButtons.map((b) => b.label), perRowHint, o.limits);
  const rowCap = Math.min(o.limits.maxButtonRows, o.maxRows ?? 8);
  const navCount = navRows.reduce((n, r) => n + r.length, 0);
  const fits = (rows: number, reserved: number) => Math.max(1, Math.min(rows * perRow, o.limits.maxButtons - navCount - reserved));
  let pages = 1;
  let page = 0;
  if (optionButtons.length > fits(Math.max(1, rowCap - navRows.length), 0)) {
    // One row and up to two buttons go to the pager.
    const size = fits(Math.max(1, rowCap - navRows.length - 1), 2);
    pages = Math.ceil(optionButtons.length / size);
    page = Math.min(Math.max(0, o.page), pages - 1);
    const visible = optionButtons.slice(page * size, page * size + size);
    const pager: Button[] = [];
    if (page > 0) pager.push({ label: o.t("kb-prev"), payload: o.encode(`pg:${page - 1}`) });
    if (page < pages - 1) pager.push({ label: o.t("kb-next"), payload: o.encode(`pg:${page + 1}`) });
    return { rows: [...chunk(visible, perRow), pager, ...navRows], page, pages };
  }
  const visible = optionButtons;
  return { rows: [...chunk(visible, perRow), ...navRows], page, pages };
}

export function renderView(view: View, o: LayoutOptions): OutgoingMessage[] {
  const { rows, page, pages } = layoutKeyboard(view.options, view.nav, view.optionsPerRow, o);
  const parts = view.parts.map((p) => textOf(p, o.t));
  if (pages > 1) parts.push(o.t("kb-page", { page: page + 1, pages }));
  return attach(parts.join("\n\n"), rows, o.limits);
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
