/**
 * The administrator's digest as text (in the reader's language), its chart and the chart's caption.
 * Every word comes from locales/<lang>/admin.ftl.
 */
import type { ChartSpec } from "../domain/digest/chart.js";
import type { Digest, OrganisationStanding } from "../domain/digest/compose.js";
import type { IndicatorChange } from "../domain/indicators/compare.js";
import { flattenIndicators, INDICATOR_KEYS, type IndicatorKey } from "../domain/indicators/flatten.js";
import type { IndicatorSet } from "../domain/indicators/result-types.js";
import { formatDayMonth } from "../domain/time.js";
import { barValueText, indicatorChartOption, renderChartPng } from "./chart/index.js";
import { INDICATOR_LABEL_KEYS } from "./indicator-labels.js";
import type { Translate } from "./translate.js";

/** The indicators every digest shows, in this order; the rest appear when they changed. */
export const HEADLINE_KEYS: readonly IndicatorKey[] = [
  "pairs",
  "groups",
  "pupilsTarget.percent",
  "teachersTarget.percent",
  "childrenAsMentees.percent",
  "teenagersAsMentors.percent",
  "youngTeachersAsMentees.percent",
  "teachersAsMentors.percent",
  "enterprisesInvolved",
  "approvedPersonalisedProgrammes",
  "menteeSatisfaction.percent",
  "mentorSatisfaction.percent",
];

/** Short names of the indicators for the digest (the full wording of 003 is in /stats and the workbook). */
export function shortLabelKey(key: IndicatorKey): string {
  return `admin-ind-${key.replace(".", "-")}`;
}

export interface DigestView {
  scopeName: string;
  organisations: number;
  digest: Digest;
  chart: ChartSpec | null;
  timezone: string;
  since: Date;
  previousAt: Date | null;
  now: Date;
  /** Shown on demand (/digest) rather than on schedule. */
  onDemand?: boolean;
}

export function formatNumber(value: number, lang: string, fractionDigits = 1): string {
  return new Intl.NumberFormat(lang === "en" ? "en-GB" : "ru-RU", { maximumFractionDigits: fractionDigits, useGrouping: false }).format(value);
}

function valueText(key: IndicatorKey, value: number | null, t: Translate, lang: string): string {
  if (value === null) return t("admin-no-data");
  return key.endsWith(".percent") ? `${formatNumber(value, lang)} %` : formatNumber(value, lang, 0);
}

function deltaText(change: IndicatorChange | undefined, t: Translate, lang: string): string {
  if (!change || change.delta === null || change.delta === 0) return "";
  const sign = change.delta > 0 ? "+" : "−";
  const amount = formatNumber(Math.abs(change.delta), lang, change.percentagePoints ? 1 : 0);
  return ` (${change.percentagePoints ? t("admin-delta-pp", { sign, amount }) : `${sign}${amount}`})`;
}

function standingText(o: OrganisationStanding, i: number, t: Translate, lang: string): string {
  const share = o.pupilsPercent ?? o.teachersPercent;
  return t("admin-behind-line", {
    number: i + 1,
    name: o.name,
    percent: share === null ? t("admin-no-data") : `${formatNumber(share, lang)} %`,
    needed: o.stillNeeded ?? "—",
  });
}

export function renderDigest(view: DigestView, t: Translate, lang: string): string {
  const { digest } = view;
  const changes = new Map(digest.changes.map((c) => [c.key, c]));
  const lines: string[] = [];
  lines.push(
    t(view.onDemand ? "admin-digest-title-now" : "admin-digest-title", {
      scope: view.scopeName,
      from: formatDayMonth(view.since, view.timezone),
      to: formatDayMonth(view.now, view.timezone),
    }),
  );
  if (view.organisations !== 1) lines.push(t("admin-digest-organisations", { count: view.organisations }));
  const keys = [...HEADLINE_KEYS, ...digest.changes.map((c) => c.key).filter((k) => !HEADLINE_KEYS.includes(k))];
  const indicatorLines = keys.map((key) => {
    const line = `• ${t(shortLabelKey(key))}: ${valueText(key, digest.indicators[key], t, lang)}${deltaText(changes.get(key), t, lang)}`;
    if (key === "pupilsTarget.percent" && digest.indicators["pupilsTarget.stillNeeded"] !== null && digest.indicators[key] !== null) {
      return `${line} — ${t("admin-still-needed", { count: digest.indicators["pupilsTarget.stillNeeded"]! })}`;
    }
    if (key === "teachersTarget.percent" && digest.indicators["teachersTarget.stillNeeded"] !== null && digest.indicators[key] !== null) {
      return `${line} — ${t("admin-still-needed", { count: digest.indicators["teachersTarget.stillNeeded"]! })}`;
    }
    return line;
  });
  lines.push(
    `${view.previousAt ? t("admin-digest-indicators-since", { date: formatDayMonth(view.previousAt, view.timezone) }) : t("admin-digest-indicators-first")}\n${indicatorLines.join("\n")}`,
  );
  const a = digest.activity;
  lines.push(
    t("admin-digest-activity", {
      pairs: a.newPairs,
      held: a.meetingsHeld,
      missed: a.meetingsMissed,
      feedback: a.feedbackForms,
      satisfaction: a.satisfactionAnswers,
    }),
  );
  const o = digest.overdue;
  lines.push(o.unresolvedMeetings + o.curatorTasks > 0 ? t("admin-digest-overdue", { meetings: o.unresolvedMeetings, tasks: o.curatorTasks }) : t("admin-digest-overdue-none"));
  if (digest.behind.length) lines.push(`${t("admin-digest-behind")}\n${digest.behind.map((s, i) => standingText(s, i, t, lang)).join("\n")}`);
  if (digest.withoutForm1 > 0) lines.push(t("admin-digest-without-form1", { count: digest.withoutForm1 }));
  return lines.join("\n\n");
}

const MAX_NAME = 60;

/**
 * The chart's caption: what it shows, the target, and for organisations each one's name (up to
 * 60 characters: the picture shortens long names more) with its value — also what a screen
 * reader reads —, ≤ 1024 characters.
 */
export function renderChartCaption(chart: ChartSpec, t: Translate): string {
  const what = t(`admin-chart-${chart.kind}`, { indicator: t(`admin-chart-metric-${chart.metric.replace(".", "-")}`) });
  const target = chart.target === null ? "" : `\n${t("admin-chart-target", { target: chart.target })}`;
  const name = (label: string) => (label.length > MAX_NAME ? `${label.slice(0, MAX_NAME - 1).trimEnd()}…` : label);
  const legend = chart.kind === "organisations" ? `\n${chart.bars.map((b, i) => `${i + 1}. ${name(b.label)} — ${barValueText(chart, b.value, t)}`).join("\n")}` : "";
  return `${what}${target}${legend}`.slice(0, 1024);
}

export interface DigestContent {
  text: string;
  chart: { filename: string; png: Buffer; caption: string } | null;
}

/** The digest's text and its chart (PNG with caption), in one language. */
export async function digestContent(view: DigestView, t: Translate, lang: string): Promise<DigestContent> {
  const text = renderDigest(view, t, lang);
  if (!view.chart || view.chart.bars.length === 0) return { text, chart: null };
  const png = await renderChartPng(indicatorChartOption(view.chart, t, { scope: view.scopeName }));
  return { text, chart: { filename: "digest-chart.png", png, caption: renderChartCaption(view.chart, t) } };
}

/** Indicators that count people, and so differ between "in the programme now" and "completed the full cycle". */
const COUNTS_PEOPLE = (key: IndicatorKey) => !["pairs", "groups", "approvedPersonalisedProgrammes"].includes(key) && !key.includes("Satisfaction");

/**
 * Every indicator of a set, one per line, in the order of seed 003 (for /stats and /orgs).
 * Given the set "in the programme now" too, each count of people shows both values.
 */
export function renderIndicatorList(set: IndicatorSet, t: Translate, lang: string, now?: IndicatorSet): string {
  const flat = flattenIndicators(set);
  const current = now ? flattenIndicators(now) : undefined;
  return INDICATOR_KEYS.map((key) => {
    const value = valueText(key, flat[key], t, lang);
    const shown = current && COUNTS_PEOPLE(key) ? t("report-stats-now-and-cycle", { now: valueText(key, current[key], t, lang), completed: value }) : value;
    return `• ${t(INDICATOR_LABEL_KEYS[key])}: ${shown}`;
  }).join("\n");
}

/** One line about an organisation for /orgs: learners and teachers involved, pairs, satisfaction. */
export function organisationLine(number: number, name: string, set: IndicatorSet, t: Translate, lang: string): string {
  const pct = (v: number | null) => (v === null ? t("admin-no-data") : `${formatNumber(v, lang)} %`);
  return t("admin-orgs-line", {
    number,
    name,
    pupils: pct(set.pupilsTarget.percent),
    teachers: pct(set.teachersTarget.percent),
    pairs: set.pairsAndGroups.total,
    satisfaction: pct(set.menteeSatisfaction.percent),
  });
}
