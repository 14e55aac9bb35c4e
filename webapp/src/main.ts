import htm from "htm";
import { h, render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { echarts } from "../../src/reports/chart/echarts-setup.js";
import { CHART_HEIGHT, CHART_WIDTH } from "../../src/reports/chart/indicator-chart.js";
import { ApiError, get, post, setCsrf } from "./api.js";
import { applyTheme, launchError, readLaunch, readTheme } from "./launch.js";
import { loadTexts, type T } from "./texts.js";

/**
 * The web app's client: the curator's programme at a glance, participants, matching and pairs;
 * an administrator's scopes. Pages are chosen by the fragment (#/p/<programme>/<page>); every
 * control is a link, a button or a labelled field, so the keyboard reaches all of it.
 */

const html = htm.bind(h);

interface Me {
  person: { id: string; name: string | null; language: string; platform: string };
  roles: string[];
  curator: { programmes: { id: string; name: string }[] };
  administrator: { scopes: { id: string; scope: string; name: string }[] };
  csrf: string | null;
}

type Route =
  | { page: "home" }
  | { page: "scope"; administratorId: string }
  | { page: "participant"; programmeId: string; participationId: string }
  | { page: "overview" | "participants" | "matching" | "pairs" | "meetings"; programmeId: string };

function routeOf(hash: string): Route {
  const scope = /^#\/a\/([A-Za-z0-9_-]+)$/.exec(hash);
  if (scope) return { page: "scope", administratorId: scope[1] as string };
  const card = /^#\/p\/([A-Za-z0-9_-]+)\/participant\/([A-Za-z0-9_-]+)$/.exec(hash);
  if (card) return { page: "participant", programmeId: card[1] as string, participationId: card[2] as string };
  const m = /^#\/p\/([A-Za-z0-9_-]+)(?:\/(participants|matching|pairs|meetings))?$/.exec(hash);
  if (!m) return { page: "home" };
  return { page: (m[2] as "participants" | "matching" | "pairs" | "meetings" | undefined) ?? "overview", programmeId: m[1] as string };
}

function useRoute(): Route {
  const [route, setRoute] = useState(routeOf(location.hash));
  useEffect(() => {
    const on = () => setRoute(routeOf(location.hash));
    addEventListener("hashchange", on);
    return () => removeEventListener("hashchange", on);
  }, []);
  return route;
}

/** Loads `path` (again when `version` changes); null while loading. */
function useData<D>(path: string, version = 0): { data: D | null; error: string | null } {
  const [state, setState] = useState<{ data: D | null; error: string | null }>({ data: null, error: null });
  useEffect(() => {
    let live = true;
    get<D>(path).then(
      (data) => live && setState({ data, error: null }),
      (e: unknown) => live && setState({ data: null, error: e instanceof ApiError ? e.code : "internal" }),
    );
    return () => {
      live = false;
    };
  }, [path, version]);
  return state;
}

function Problem({ t, code }: { t: T; code: string }) {
  return html`<p class="problem" role="alert">${t(`app-error-${code}`)}</p>`;
}

/** A page that could not load: what went wrong, in words. */
function Failed({ t, code }: { t: T; code: string }) {
  return html`<main><${Problem} t=${t} code=${code} /></main>`;
}

function Loading({ t }: { t: T }) {
  return html`<main><p class="hint" aria-busy="true">${t("app-loading")}</p></main>`;
}

function Nav({ t, route, me }: { t: T; route: Route; me: Me }) {
  if (route.page === "home") return null;
  if (route.page === "scope") return html`<nav aria-label=${t("app-nav-label")}><a href="#/" class="back">${t("app-nav-home")}</a></nav>`;
  const id = route.programmeId;
  const name = me.curator.programmes.find((p) => p.id === id)?.name ?? "";
  const current = route.page === "participant" ? "participants" : route.page;
  const link = (page: Route["page"], key: string, href: string) => html`<a href=${href} aria-current=${current === page ? "page" : undefined}>${t(key)}</a>`;
  return html`<nav aria-label=${t("app-nav-label")}>
    <a href="#/" class="back">${t("app-nav-home")}</a>
    <strong class="programme-name">${name}</strong>
    <div class="tabs">
      ${link("overview", "app-nav-overview", `#/p/${id}`)} ${link("participants", "app-nav-participants", `#/p/${id}/participants`)}
      ${link("matching", "app-nav-matching", `#/p/${id}/matching`)} ${link("pairs", "app-nav-pairs", `#/p/${id}/pairs`)}
      ${link("meetings", "app-nav-meetings", `#/p/${id}/meetings`)}
      <a href=${`/app/api/programmes/${id}/export.xlsx`} download>${t("app-download-export")}</a>
    </div>
  </nav>`;
}

function Home({ t, me }: { t: T; me: Me }) {
  const { programmes } = me.curator;
  const { scopes } = me.administrator;
  return html`<main>
    <h1>${t("app-hello", { name: me.person.name ?? "" })}</h1>
    ${programmes.length
      ? html`<section aria-labelledby="h-programmes"><h2 id="h-programmes">${t("app-home-programmes")}</h2>
          <ul class="cards">${programmes.map((p) => html`<li><a class="card link" href=${`#/p/${p.id}`}>${p.name}</a></li>`)}</ul></section>`
      : null}
    ${scopes.length
      ? html`<section aria-labelledby="h-scopes"><h2 id="h-scopes">${t("app-home-scopes")}</h2>
          <ul class="cards">${scopes.map((s) => html`<li><a class="card link" href=${`#/a/${s.id}`}>${t(`app-scope-${s.scope}`, { name: s.name })}</a></li>`)}</ul></section>`
      : null}
    ${!programmes.length && !scopes.length ? html`<p>${t("app-home-nothing")}</p>` : null}
  </main>`;
}

interface Overview {
  programme: { name: string; organisation: string; status: string };
  participants: Record<"mentor" | "mentee", Record<string, number>>;
  questionnaires: Record<"mentor" | "mentee", { submitted: number; total: number }>;
  interviewsWaiting: number;
  surveys: { kind: string; open: boolean }[];
  pairs: { total: number; working: number };
  matching: { open: number } | null;
}

const STATUSES = ["joined", "approved", "active", "completed", "declined", "left"];

function OverviewPage({ t, id }: { t: T; id: string }) {
  const { data, error } = useData<Overview>(`programmes/${id}/overview`);
  if (error) return html`<${Failed} t=${t} code=${error} />`;
  if (!data) return html`<${Loading} t=${t} />`;
  return html`<main>
    <h1>${data.programme.name}</h1>
    <p class="hint">${data.programme.organisation}</p>
    <div class="grid">
      ${(["mentor", "mentee"] as const).map(
        (role) => html`<section class="card" aria-labelledby=${`h-${role}`}>
          <h2 id=${`h-${role}`}>${t(`app-role-${role}s`)}</h2>
          <table class="compact"><caption class="sr-only">${t(`app-role-${role}s`)}</caption><tbody>
            ${STATUSES.filter((s) => data.participants[role][s]).map((s) => html`<tr><th scope="row">${t(`app-status-${s}`)}</th><td>${data.participants[role][s]}</td></tr>`)}
          </tbody></table>
          <p>${t("app-questionnaires", data.questionnaires[role])}</p>
        </section>`,
      )}
      <section class="card" aria-labelledby="h-next"><h2 id="h-next">${t("app-overview-work")}</h2>
        <ul class="plain">
          <li>${t("app-interviews-waiting", { count: data.interviewsWaiting })}</li>
          ${data.surveys.map((s) => html`<li>${t(`app-survey-${s.kind}`)}: ${t(s.open ? "app-survey-open" : "app-survey-closed")}</li>`)}
          <li>${t("app-pairs-count", data.pairs)}</li>
          <li>${data.matching ? t("app-suggestions-open", { count: data.matching.open }) : t("app-no-matching")}</li>
        </ul>
      </section>
    </div>
  </main>`;
}

interface Participant {
  id: string;
  number: number;
  name: string | null;
  role: "mentor" | "mentee";
  status: string;
  formFilled: boolean;
}

function ParticipantsPage({ t, id }: { t: T; id: string }) {
  const { data, error } = useData<{ participants: Participant[] }>(`programmes/${id}/participants`);
  const [query, setQuery] = useState("");
  const [role, setRole] = useState("");
  const [form, setForm] = useState("");
  if (error) return html`<${Failed} t=${t} code=${error} />`;
  if (!data) return html`<${Loading} t=${t} />`;
  const q = query.trim().toLocaleLowerCase();
  const shown = data.participants.filter((p) => (!q || (p.name ?? "").toLocaleLowerCase().includes(q) || String(p.number) === q) && (!role || p.role === role) && (!form || String(p.formFilled) === form));
  return html`<main>
    <h1>${t("app-nav-participants")}</h1>
    <form class="filters" role="search" onSubmit=${(e: Event) => e.preventDefault()}>
      <label>${t("app-search")} <input type="search" value=${query} onInput=${(e: Event) => setQuery((e.target as HTMLInputElement).value)} /></label>
      <label>${t("app-filter-role")} <select value=${role} onChange=${(e: Event) => setRole((e.target as HTMLSelectElement).value)}>
        <option value="">${t("app-filter-all")}</option><option value="mentor">${t("app-role-mentors")}</option><option value="mentee">${t("app-role-mentees")}</option>
      </select></label>
      <label>${t("app-filter-form")} <select value=${form} onChange=${(e: Event) => setForm((e.target as HTMLSelectElement).value)}>
        <option value="">${t("app-filter-all")}</option><option value="true">${t("app-form-filled")}</option><option value="false">${t("app-form-missing")}</option>
      </select></label>
    </form>
    <p class="hint">${t("app-shown", { count: shown.length, total: data.participants.length })}</p>
    <div class="scroll"><table>
      <caption class="sr-only">${t("app-nav-participants")}</caption>
      <thead><tr><th scope="col">№</th><th scope="col">${t("app-col-name")}</th><th scope="col">${t("app-col-role")}</th><th scope="col">${t("app-col-status")}</th><th scope="col">${t("app-col-form")}</th></tr></thead>
      <tbody>${shown.map(
        (p) => html`<tr><td>${p.number}</td><td><a href=${`#/p/${id}/participant/${p.id}`}>${p.name ?? "—"}</a></td><td>${t(`app-role-${p.role}`)}</td><td>${t(`app-status-${p.status}`)}</td><td>${t(p.formFilled ? "app-form-filled" : "app-form-missing")}</td></tr>`,
      )}</tbody>
    </table></div>
  </main>`;
}

interface Suggestion {
  id: string;
  number: number;
  mentor: string;
  mentee: string;
  score: number;
  status: string;
  reasons: string[];
  rejectReason: string | null;
}

interface Suggestions {
  run: { id: string; modeLabel: string; matched: number; mentees: number } | null;
  suggestions: Suggestion[];
  unmatched: { name: string; reason: string }[];
  modes: { mode: string; label: string }[];
}

function SuggestionCard({ t, s, done }: { t: T; s: Suggestion; done: (message: string) => void }) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const act = async (path: string, body: unknown, message: string) => {
    try {
      await post(path, body);
      done(message);
    } catch (e) {
      setProblem(e instanceof ApiError ? e.code : "internal");
    }
  };
  return html`<li class="card suggestion" aria-labelledby=${`s-${s.id}`}>
    <h3 id=${`s-${s.id}`}>${t("app-suggestion-title", { number: s.number, mentor: s.mentor, mentee: s.mentee })}</h3>
    <p class="hint">${t("app-score", { score: s.score })} · ${t(`app-suggestion-${s.status}`)}</p>
    <ul class="reasons">${s.reasons.map((r) => html`<li>${r}</li>`)}</ul>
    ${s.rejectReason ? html`<p class="hint">${t("app-reject-reason-was", { reason: s.rejectReason })}</p>` : null}
    ${problem ? html`<${Problem} t=${t} code=${problem} />` : null}
    ${s.status === "suggested" && !rejecting
      ? html`<div class="actions">
          <button class="primary" onClick=${() => act(`suggestions/${s.id}/confirm`, {}, t("app-confirmed", { number: s.number }))}>${t("app-confirm", { number: s.number })}</button>
          <button onClick=${() => setRejecting(true)}>${t("app-reject", { number: s.number })}</button>
        </div>`
      : null}
    ${rejecting
      ? html`<form class="actions" onSubmit=${(e: Event) => {
          e.preventDefault();
          act(`suggestions/${s.id}/reject`, { reason }, t("app-rejected", { number: s.number }));
        }}>
          <label>${t("app-reject-why")} <input value=${reason} maxlength="500" onInput=${(e: Event) => setReason((e.target as HTMLInputElement).value)} /></label>
          <button type="submit">${t("app-reject-send")}</button>
          <button type="button" onClick=${() => setRejecting(false)}>${t("app-cancel")}</button>
        </form>`
      : null}
  </li>`;
}

function MatchingPage({ t, id }: { t: T; id: string }) {
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const { data, error } = useData<Suggestions>(`programmes/${id}/suggestions`, version);
  if (error) return html`<${Failed} t=${t} code=${error} />`;
  if (!data) return html`<${Loading} t=${t} />`;
  const done = (message: string) => {
    setNotice(message);
    setVersion((v) => v + 1);
  };
  // The run is a job: its suggestions are looked for every second until a newer run is there (a minute at most).
  const run = async (mode: string) => {
    const before = data.run?.id ?? null;
    try {
      await post(`programmes/${id}/match`, { mode });
    } catch (e) {
      setNotice(t(`app-error-${e instanceof ApiError ? e.code : "internal"}`));
      return;
    }
    setNotice(t("app-matching-started"));
    for (let i = 0; i < 60; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      const latest = await get<Suggestions>(`programmes/${id}/suggestions`).catch(() => null);
      if (latest?.run && latest.run.id !== before) {
        setNotice(null);
        setVersion((v) => v + 1);
        return;
      }
    }
  };
  return html`<main>
    <h1>${t("app-nav-matching")}</h1>
    ${notice ? html`<p class="notice" role="status">${notice}</p>` : null}
    <section aria-labelledby="h-run"><h2 id="h-run">${t("app-run-matching")}</h2>
      <div class="actions">${data.modes.map((m) => html`<button onClick=${() => run(m.mode)}>${m.label}</button>`)}</div>
    </section>
    ${data.run ? html`<p>${t("app-run-summary", { mode: data.run.modeLabel, matched: data.run.matched, mentees: data.run.mentees })}</p>` : html`<p>${t("app-no-matching")}</p>`}
    <ul class="cards">${data.suggestions.map((s) => html`<${SuggestionCard} key=${s.id + s.status} t=${t} s=${s} done=${done} />`)}</ul>
    ${data.unmatched.length
      ? html`<section aria-labelledby="h-unmatched"><h2 id="h-unmatched">${t("app-unmatched")}</h2>
          <ul class="plain">${data.unmatched.map((u) => html`<li><strong>${u.name}</strong> — ${u.reason}</li>`)}</ul></section>`
      : null}
  </main>`;
}

interface PairRow {
  id: string;
  number: number;
  status: string;
  mentor: string;
  mentees: string[];
  lastActivity: string;
}

const STAGES = ["acquaintance", "trial", "planning", "regular", "final", "completed", "ended_early"];

function PairsPage({ t, id }: { t: T; id: string }) {
  const { data, error } = useData<{ pairs: PairRow[] }>(`programmes/${id}/pairs`);
  if (error) return html`<${Failed} t=${t} code=${error} />`;
  if (!data) return html`<${Loading} t=${t} />`;
  return html`<main>
    <h1>${t("app-nav-pairs")}</h1>
    ${data.pairs.length ? null : html`<p>${t("app-no-pairs")}</p>`}
    <div class="board">
      ${STAGES.filter((s) => data.pairs.some((p) => p.status === s)).map(
        (stage) => html`<section class="column" aria-labelledby=${`st-${stage}`}>
          <h2 id=${`st-${stage}`}>${t(`app-stage-${stage}`)}</h2>
          <ul class="cards">${data.pairs.filter((p) => p.status === stage).map(
            (p) => html`<li class="card"><strong>№${p.number}. ${p.mentor}</strong> → ${p.mentees.join(", ")}<br /><span class="hint">${t("app-last-activity", { date: p.lastActivity })}</span></li>`,
          )}</ul>
        </section>`,
      )}
    </div>
  </main>`;
}

interface MeetingRow {
  id: string;
  when: string;
  mentor: string | null;
  mentees: (string | null)[];
  stage: string;
  status: string;
}

interface Meetings {
  upcomingDays: number;
  missedDays: number;
  upcoming: MeetingRow[];
  missed: MeetingRow[];
  overdue: { kind: string; text: string }[];
}

function MeetingList({ t, rows }: { t: T; rows: MeetingRow[] }) {
  if (!rows.length) return html`<p class="hint">${t("app-meetings-none")}</p>`;
  return html`<ul class="cards">${rows.map(
    (m) => html`<li class="card"><strong>${m.when}</strong> — ${m.mentor ?? "—"} → ${m.mentees.map((n) => n ?? "—").join(", ")}<br /><span class="hint">${t(`app-stage-${m.stage}`)} · ${t(`app-meeting-${m.status}`)}</span></li>`,
  )}</ul>`;
}

function MeetingsPage({ t, id }: { t: T; id: string }) {
  const { data, error } = useData<Meetings>(`programmes/${id}/meetings`);
  if (error) return html`<${Failed} t=${t} code=${error} />`;
  if (!data) return html`<${Loading} t=${t} />`;
  return html`<main>
    <h1>${t("app-nav-meetings")}</h1>
    <section aria-labelledby="h-overdue"><h2 id="h-overdue">${t("app-overdue", { count: data.overdue.length })}</h2>
      ${data.overdue.length ? html`<ol class="plain">${data.overdue.map((o) => html`<li>${o.text}</li>`)}</ol>` : html`<p class="hint">${t("app-overdue-none")}</p>`}
    </section>
    <section aria-labelledby="h-upcoming"><h2 id="h-upcoming">${t("app-meetings-upcoming", { days: data.upcomingDays })}</h2><${MeetingList} t=${t} rows=${data.upcoming} /></section>
    <section aria-labelledby="h-missed"><h2 id="h-missed">${t("app-meetings-missed", { days: data.missedDays })}</h2><${MeetingList} t=${t} rows=${data.missed} /></section>
  </main>`;
}

interface Card {
  participant: { number: number; name: string | null; role: "mentor" | "mentee"; status: string; capacity: number | null; joined: string };
  questionnaire: { title: string; updated: string; answers: string } | null;
  pairs: { id: string; status: string; mentor: string; mentees: string[]; confirmed: string }[];
}

function ParticipantPage({ t, id }: { t: T; id: string }) {
  const { data, error } = useData<Card>(`participants/${id}`);
  if (error) return html`<${Failed} t=${t} code=${error} />`;
  if (!data) return html`<${Loading} t=${t} />`;
  const p = data.participant;
  return html`<main>
    <h1>№${p.number}. ${p.name ?? "—"}</h1>
    <p>${t(`app-role-${p.role}`)} · ${t(`app-status-${p.status}`)} · ${t("app-joined", { date: p.joined })}${p.capacity !== null ? html` · ${t("app-capacity", { capacity: p.capacity })}` : null}</p>
    <section class="card" aria-labelledby="h-form"><h2 id="h-form">${data.questionnaire ? `${data.questionnaire.title} (${data.questionnaire.updated})` : t("app-form-missing")}</h2>
      ${data.questionnaire ? html`<p class="answers">${data.questionnaire.answers}</p>` : null}
    </section>
    ${data.pairs.map((pair) => html`<section class="card"><h2>${t(`app-stage-${pair.status}`)}</h2><p>${pair.mentor} → ${pair.mentees.join(", ")} · ${t("app-pair-since", { date: pair.confirmed })}</p></section>`)}
  </main>`;
}

type Flat = Record<string, number | null>;

interface ScopeOverview {
  scope: { id: string; kind: string; name: string };
  /** The digest's chart of the organisations, an ECharts option (none for one organisation). */
  chart: Record<string, unknown> | null;
  target: number;
  labels: Record<string, string>;
  total: Flat;
  organisations: { id: string; name: string; district: string | null; indicators: Flat }[];
}

/** The columns of the organisations' table: the two 70 % targets first, then pairs and satisfaction. */
const SCOPE_COLUMNS = ["pupilsTarget.percent", "teachersTarget.percent", "pairs", "groups", "menteeSatisfaction.percent", "mentorSatisfaction.percent"];
const TARGETS = new Set(["pupilsTarget.percent", "teachersTarget.percent"]);

/** The chart the digest sends as a picture, drawn here from the same option (SVG, with its accessible description). */
function Chart({ option, label }: { option: Record<string, unknown>; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, null, { renderer: "svg", width: Math.min(CHART_WIDTH, ref.current.clientWidth || CHART_WIDTH), height: CHART_HEIGHT });
    chart.setOption({ ...option, animation: false });
    return () => chart.dispose();
  }, [option]);
  return html`<figure class="chart"><div ref=${ref} role="img" aria-label=${label}></div></figure>`;
}

function ScopePage({ t, id, lang }: { t: T; id: string; lang: string }) {
  const { data, error } = useData<ScopeOverview>(`administrators/${id}/overview${document.documentElement.dataset.theme === "dark" ? "?theme=dark" : ""}`);
  if (error) return html`<${Failed} t=${t} code=${error} />`;
  if (!data) return html`<${Loading} t=${t} />`;
  const number = new Intl.NumberFormat(lang === "en" ? "en-GB" : "ru-RU", { maximumFractionDigits: 1 });
  const cell = (key: string, v: number | null) => {
    if (v === null) return html`<td class="hint">${t("app-no-data")}</td>`;
    const text = key.endsWith(".percent") ? `${number.format(v)} %` : number.format(v);
    if (!TARGETS.has(key)) return html`<td>${text}</td>`;
    const met = v >= data.target;
    return html`<td class=${met ? "met" : "below"}>${text} <span class="sr-only">${t(met ? "app-target-met" : "app-target-below", { target: data.target })}</span><span aria-hidden="true">${met ? "✓" : "↓"}</span></td>`;
  };
  return html`<main>
    <h1>${t(`app-scope-${data.scope.kind}`, { name: data.scope.name })}</h1>
    <p><a href=${`/app/api/administrators/${id}/export.xlsx`} download>${t("app-download-rnc")}</a></p>
    <p class="hint">${t("app-target-rule", { target: data.target })}</p>
    ${data.chart ? html`<${Chart} option=${data.chart} label=${t("app-scope-chart")} />` : null}
    <div class="scroll"><table>
      <caption class="sr-only">${t("app-scope-organisations")}</caption>
      <thead><tr><th scope="col">${t("app-col-organisation")}</th>${SCOPE_COLUMNS.map((k) => html`<th scope="col">${data.labels[k]}</th>`)}</tr></thead>
      <tbody>
        <tr class="total"><th scope="row">${t("app-scope-total")}</th>${SCOPE_COLUMNS.map((k) => cell(k, data.total[k] ?? null))}</tr>
        ${data.organisations.map((o) => html`<tr><th scope="row">${o.name}</th>${SCOPE_COLUMNS.map((k) => cell(k, o.indicators[k] ?? null))}</tr>`)}
      </tbody>
    </table></div>
    <section aria-labelledby="h-all"><h2 id="h-all">${t("app-scope-all-indicators")}</h2>
      <table class="compact"><tbody>${Object.keys(data.labels).map((k) => html`<tr><th scope="row">${data.labels[k]}</th>${cell(k, data.total[k] ?? null)}</tr>`)}</tbody></table>
    </section>
  </main>`;
}

function App({ t, me }: { t: T; me: Me }) {
  const route = useRoute();
  let page;
  if (route.page === "home") page = html`<${Home} t=${t} me=${me} />`;
  else if (route.page === "scope") page = html`<${ScopePage} t=${t} id=${route.administratorId} lang=${me.person.language} />`;
  else if (route.page === "overview") page = html`<${OverviewPage} t=${t} id=${route.programmeId} />`;
  else if (route.page === "participants") page = html`<${ParticipantsPage} t=${t} id=${route.programmeId} />`;
  else if (route.page === "matching") page = html`<${MatchingPage} t=${t} id=${route.programmeId} />`;
  else if (route.page === "meetings") page = html`<${MeetingsPage} t=${t} id=${route.programmeId} />`;
  else if (route.page === "participant") page = html`<${ParticipantPage} t=${t} id=${route.participationId} />`;
  else page = html`<${PairsPage} t=${t} id=${route.programmeId} />`;
  return html`<${Nav} t=${t} route=${route} me=${me} />${page}`;
}

async function start(): Promise<void> {
  applyTheme(readTheme());
  const root = document.getElementById("root") as HTMLElement;
  const launch = readLaunch();
  const linkError = launchError();
  let me: Me | null = null;
  let problem: string | null = linkError;
  try {
    if (launch) me = await post<Me>("session", launch);
    else if (!linkError) me = await get<Me>("me");
  } catch (e) {
    problem = e instanceof ApiError ? e.code : "internal";
  }
  const t = await loadTexts(me?.person.language ?? navigator.language.slice(0, 2));
  if (!me) {
    render(html`<main><h1>${t("app-title")}</h1><${Problem} t=${t} code=${problem ?? "unauthorized"} /></main>`, root);
    return;
  }
  setCsrf(me.csrf);
  // The launch data is in the session now; the address keeps only the page.
  if (launch || linkError !== null) history.replaceState(null, "", "/app/#/");
  const only = me.curator.programmes.length === 1 && !me.administrator.scopes.length ? me.curator.programmes[0] : undefined;
  if (only && routeOf(location.hash).page === "home") history.replaceState(null, "", `/app/#/p/${only.id}`);
  render(html`<${App} t=${t} me=${me} />`, root);
}

void start();
