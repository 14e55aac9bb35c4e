import { createHash } from "node:crypto";

/**
 * Consent to the processing of personal data as a document of its own (152-ФЗ as amended by
 * 156-ФЗ, since 1 September 2025): the operator, purposes, the list of data, the actions, the
 * term and how to withdraw it. A document is shown whole, agreed to with its button, and kept
 * by the SHA-256 of the exact text shown with the version of the template it came from.
 */

/** The version of locales' default template (locales/<lang>/consent.ftl); an organisation's own text is "org-<n>". */
export const CONSENT_VERSION = "2026-12";

export type ConsentKind = "personal_data" | "legal_representative";

/** Who a legal representative is to the child (СК РФ ст. 64, ГК РФ ст. 31–33). */
export const REPRESENTATIVE_RELATIONS = ["mother", "father", "adoptive_parent", "guardian", "trustee"] as const;

/**
 * Age as the join asks it: an adult consents alone; under 18 the legal representative's
 * document is required; from 14 the minor gives their own consent as well.
 */
export const AGE_BANDS = ["adult", "teen", "child"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function isAgeBand(value: unknown): value is AgeBand {
  return typeof value === "string" && (AGE_BANDS as readonly string[]).includes(value);
}

export function textHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The items of a template's list: one a line ("— ", "-", "•" or a number in front are not part of it). */
export function listItems(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.replace(/^\s*(?:[-—–•*]|\d+[.)])\s*/, "").trim())
    .filter((line) => line.length > 0);
}

/** An item as compared between versions: case, spacing and the closing punctuation do not count. */
function normalised(item: string): string {
  return item.toLocaleLowerCase("ru").replace(/ё/g, "е").replace(/\s+/g, " ").replace(/[\s.;,:]+$/u, "").trim();
}

export interface ConsentScope {
  purposes: readonly string[];
  data: readonly string[];
}

/**
 * Whether a consent given to `agreed` still covers `current`. The rule: a person is asked
 * again only when the current document names a purpose or an item of data the agreed one did
 * not (152-ФЗ ст. 9: consent is specific to its purposes and data). A reworded text, a purpose
 * or an item taken out, a new operator's address: a new version for the next people, and the
 * consents given stay in force.
 */
export function stillCovers(agreed: ConsentScope, current: ConsentScope): boolean {
  const has = (list: readonly string[]) => new Set(list.map(normalised));
  const purposes = has(agreed.purposes);
  const data = has(agreed.data);
  return current.purposes.every((p) => purposes.has(normalised(p))) && current.data.every((d) => data.has(normalised(d)));
}

/** The messages of each document in a text of the consent documents (locales' template or an organisation's file). */
export const TEMPLATE_PREFIX: Record<ConsentKind, string> = { personal_data: "consent-pd", legal_representative: "consent-lr" };
export const TEMPLATE_IDS: readonly string[] = Object.values(TEMPLATE_PREFIX).flatMap((p) => ["title", "purposes", "data", "document"].map((part) => `${p}-${part}`));
/** The variables a document may use. */
export const TEMPLATE_VARIABLES = ["operatorName", "operatorAddress", "purposes", "data"] as const;
