/**
 * Personal data consent (152-ФЗ). The version names the text a person agreed to; when the
 * text in locales changes, the version changes and older consents stay as they were given.
 */
export const CONSENT_VERSION = "2026-11";

export type ConsentKind = "personal_data" | "legal_representative";

