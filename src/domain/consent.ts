/**
 * Personal data consent (152-ФЗ). The version names the text a person agreed to; when the
 * text in locales changes, the version changes and older consents stay as they were given.
 */
export const CONSENT_VERSION = "2026-11";

export type ConsentKind = "personal_data" | "legal_representative";

/** A participant may go on when they consented and, if a minor, so did their legal representative. */
export function mayProceed(p: { hasConsent: boolean; isMinor: boolean | null; hasRepresentativeConsent: boolean }): boolean {
  if (!p.hasConsent) return false;
  if (p.isMinor === null) return false;
  return !p.isMinor || p.hasRepresentativeConsent;
}
