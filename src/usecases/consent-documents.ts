import { CONSENT_VERSION, listItems, stillCovers, TEMPLATE_PREFIX, textHash, type ConsentKind } from "../domain/consent.js";
import { fluentSource, type Language, type TArgs, type Translate } from "../i18n/index.js";
import type { ConsentDocumentStore, StoredDocument } from "../store/consent-documents.js";

/**
 * The consent documents as a person is shown them: locales' default template
 * (locales/<lang>/consent.ftl) or the organisation's own text in its place, filled with the
 * operator's full name and address. Each kind of document has four messages — a title, its
 * purposes and its list of data (one item a line) and the document, which takes them as
 * `$purposes` and `$data` — so that what a consent covers can be compared between versions.
 */

export interface ShownDocument extends StoredDocument {
  title: string;
}

type Format = (id: string, args?: TArgs) => string;

export class ConsentDocuments {
  constructor(
    private readonly store: ConsentDocumentStore,
    private readonly translator: (lang: Language) => Translate,
  ) {}

  /** The organisation a flow's parameters name (the invitation's, or the programme's). */
  async organisationOf(params: Record<string, unknown>): Promise<string | null> {
    if (typeof params.organisationId === "string") return params.organisationId;
    if (typeof params.programmeId === "string") return (await this.store.organisationOfProgramme(params.programmeId)) ?? null;
    return null;
  }

  /** The document of this kind as it reads now for the organisation's people in this language. */
  async current(kind: ConsentKind, organisationId: string | null, lang: Language): Promise<ShownDocument> {
    // The organisation's text in the person's language, else its Russian one, else locales' template.
    const inLanguage = organisationId ? await this.store.latestText(organisationId, lang) : undefined;
    const inRussian = organisationId && !inLanguage && lang !== "ru" ? await this.store.latestText(organisationId, "ru") : undefined;
    const own = inLanguage ?? inRussian;
    const language: Language = inRussian ? "ru" : lang;
    const read = own ? fluentSource(own.source, language) : undefined;
    const format: Format = read ? (id, args) => read.format(id, args).text : (id, args) => this.translator(language)(id, args);
    const operator = organisationId ? await this.store.operator(organisationId) : undefined;
    const prefix = TEMPLATE_PREFIX[kind];
    const purposes = listItems(format(`${prefix}-purposes`));
    const data = listItems(format(`${prefix}-data`));
    const bullets = (items: string[]) => items.map((i) => `— ${i}`).join("\n");
    const text = format(`${prefix}-document`, {
      operatorName: operator?.fullName ?? operator?.name ?? "—",
      operatorAddress: operator?.address ?? this.translator(language)("consent-address-unknown"),
      purposes: bullets(purposes),
      data: bullets(data),
    });
    return { hash: textHash(text), kind, version: own ? `org-${own.version}` : CONSENT_VERSION, language, organisationId, text, purposes, data, title: format(`${prefix}-title`) };
  }

  /** The document to show now, kept by its hash so the consent given to it names exactly this text. */
  async show(kind: ConsentKind, organisationId: string | null, lang: Language): Promise<ShownDocument> {
    const doc = await this.current(kind, organisationId, lang);
    await this.store.keep(doc);
    return doc;
  }

  async document(hash: string): Promise<StoredDocument | undefined> {
    return this.store.document(hash);
  }

  /**
   * Whether the person's consent of this kind in force covers the organisation's document as
   * it reads now: given to this operator, and the current text names no purpose or data the
   * agreed one did not (compared in the language agreed in). A consent given before documents
   * existed stays in force.
   */
  async covers(personId: string, kind: ConsentKind, organisationId: string): Promise<boolean> {
    for (const c of await this.store.agreed(personId)) {
      if (c.kind !== kind) continue;
      if (!c.document) return true;
      if (c.document.organisationId !== organisationId) continue;
      if (stillCovers(c.document, await this.current(kind, organisationId, c.document.language))) return true;
    }
    return false;
  }

  /**
   * The first operator of the person's programmes whose documents now name purposes or data
   * their consents in force do not cover, and which of the consents they gave must be given again.
   */
  async renewalDue(personId: string): Promise<{ organisationId: string; organisation: string; own: boolean; representative: boolean } | undefined> {
    const given = new Set((await this.store.agreed(personId)).map((c) => c.kind));
    for (const org of await this.store.operatorsOf(personId)) {
      const own = given.has("personal_data") && !(await this.covers(personId, "personal_data", org.id));
      const representative = given.has("legal_representative") && !(await this.covers(personId, "legal_representative", org.id));
      if (own || representative) return { organisationId: org.id, organisation: org.name, own, representative };
    }
    return undefined;
  }

  agreed(personId: string) {
    return this.store.agreed(personId);
  }
}
