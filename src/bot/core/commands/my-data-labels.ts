import { definitionFor } from "../../../flows/definitions/catalog.js";
import { labelledAnswers } from "../../../flows/definitions/render-answers.js";
import type { FlowRegistry } from "../../../flows/registry.js";
import type { Answers } from "../../../flows/types.js";
import type { Translate } from "../../../i18n/index.js";
import { isPlatform } from "../../../domain/platforms.js";
import { profileOf } from "../../../platforms.js";

/**
 * The /mydata file as a person reads it: beside every stored code (a role, a status, an
 * answer such as `thu` or `offline`) its wording in the person's language. The codes stay, so
 * the file still says exactly what is stored.
 */

type Json = Record<string, unknown>;

const LABEL_KEYS: Record<string, (code: string) => string> = {
  role: (c) => `role-${c}`,
  theirRole: (c) => `role-${c}`,
};

function labelOf(t: Translate, key: string): string | undefined {
  const text = t(key);
  return text === key ? undefined : text;
}

/** Adds `<field>Label` beside the coded fields of one record. */
function withLabels(record: Json, t: Translate, keys: Record<string, (code: string) => string>): Json {
  const out: Json = { ...record };
  for (const [field, keyOf] of Object.entries(keys)) {
    const code = record[field];
    if (typeof code !== "string") continue;
    const label = labelOf(t, keyOf(code));
    if (label) out[`${field}Label`] = label;
  }
  return out;
}

const pairKeys = { status: (c: string) => `lc-stage-${c}` };
const meetingKeys = { status: (c: string) => `report-meeting-status-${c}` };

function labelPair(pair: Json, t: Translate): Json {
  const meetings = Array.isArray(pair.meetings) ? pair.meetings.map((m) => withLabels(m as Json, t, meetingKeys)) : pair.meetings;
  return { ...withLabels(pair, t, pairKeys), meetings };
}

export function labelMyData(data: Json, t: Translate, flows: FlowRegistry): Json {
  const programmes = Array.isArray(data.programmes)
    ? data.programmes.map((raw) => {
        const p = withLabels(raw as Json, t, { ...LABEL_KEYS, status: (c) => `participant-status-${c}` });
        const list = (v: unknown) => (Array.isArray(v) ? v.map((x) => labelPair(x as Json, t)) : v);
        const choices = Array.isArray(p.choices) ? p.choices.map((c) => withLabels(c as Json, t, LABEL_KEYS)) : p.choices;
        return { ...p, choices, pairsAsMentee: list(p.pairsAsMentee), pairsAsMentor: list(p.pairsAsMentor) };
      })
    : data.programmes;
  const forms = Array.isArray(data.forms)
    ? data.forms.map((raw) => {
        const f = raw as Json;
        const found = typeof f.formId === "string" && typeof f.formVersion === "number" ? definitionFor(f.formId, f.formVersion) : undefined;
        if (!found) return f;
        return { ...f, title: t(found.def.title), answers: labelledAnswers(found.def, (f.answers ?? {}) as Answers, t) };
      })
    : data.forms;
  const formsInProgress = Array.isArray(data.formsInProgress)
    ? data.formsInProgress.map((raw) => {
        const f = raw as Json;
        const def = typeof f.flow === "string" ? flows.get(f.flow) : undefined;
        if (!def) return f;
        return { ...f, title: t(def.title), answers: labelledAnswers(def, (f.answers ?? {}) as Answers, t) };
      })
    : data.formsInProgress;
  // Each consent with what it is, on which messenger, and who the representative is to the child, in words.
  const consents = Array.isArray(data.consents)
    ? data.consents.map((raw) => {
        const c = withLabels(raw as Json, t, { kind: (k) => `privacy-consent-kind-${k}`, representativeRelation: (r) => `representative-relation-${r}` });
        return typeof c.platform === "string" && isPlatform(c.platform) ? { ...c, platformLabel: profileOf(c.platform).name } : c;
      })
    : data.consents;
  return { ...data, consents, programmes, forms, formsInProgress };
}
