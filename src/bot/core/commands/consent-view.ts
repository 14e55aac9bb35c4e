import { DEFAULT_TIMEZONE, formatDateTime } from "../../../domain/time.js";
import { profileOf } from "../../../platforms.js";
import type { Translate } from "../../../i18n/index.js";
import type { AgreedConsent } from "../../../store/consent-documents.js";

/**
 * A person's consents as /privacy shows them: which document and version, when, on which
 * messenger, by whom for a child, and how to withdraw; the texts agreed to, as one file.
 */

export function consentLines(consents: AgreedConsent[], t: Translate): string {
  const items = consents.map((c, i) => {
    const when = formatDateTime(c.givenAt, c.operator?.timezone ?? DEFAULT_TIMEZONE);
    const lines = [
      `${i + 1}. ${t(`privacy-consent-kind-${c.kind}`)}`,
      t("privacy-consent-version", { version: c.document?.version ?? c.version, hash: c.document ? c.document.hash.slice(0, 12) : "—" }),
      t("privacy-consent-given", { when, messenger: c.platform ? profileOf(c.platform).name : "—" }),
    ];
    if (c.operator) lines.push(t("privacy-consent-operator", { operator: c.operator.name }));
    if (c.kind === "legal_representative" && c.representativeName) {
      lines.push(t("privacy-consent-representative", { name: c.representativeName, relation: c.representativeRelation ?? "other" }));
    }
    return lines.join("\n");
  });
  return items.join("\n\n");
}

/** The texts agreed to, each under its kind and version. */
export function agreedTexts(consents: AgreedConsent[], t: Translate): string {
  return consents
    .filter((c) => c.document)
    .map((c) => `${t(`privacy-consent-kind-${c.kind}`)} · ${c.document!.version} · SHA-256 ${c.document!.hash}\n\n${c.document!.text}`)
    .join("\n\n————————————————\n\n");
}
