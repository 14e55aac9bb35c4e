import type { SqlExecutor } from "../db/sql.js";
import type { Clock } from "../domain/clock.js";
import type { ConsentKind } from "../domain/consent.js";
import type { Platform } from "../domain/platforms.js";
import type { Language } from "../i18n/index.js";

/** A consent document as it was shown: its exact text, named by the text's SHA-256. */
export interface StoredDocument {
  hash: string;
  kind: ConsentKind;
  version: string;
  language: Language;
  organisationId: string | null;
  text: string;
  purposes: string[];
  data: string[];
}

/** A consent in force with the document agreed to (none for a consent given before documents). */
export interface AgreedConsent {
  kind: ConsentKind;
  version: string;
  givenAt: Date;
  platform: Platform | null;
  representativeName: string | null;
  representativeRelation: string | null;
  document: StoredDocument | null;
  /** The operator the document names, and its time zone (for dates shown). */
  operator: { name: string; timezone: string } | null;
}

/**
 * The consent documents: the operator they name (the organisation's full name and address),
 * an organisation's own text of them (the newest version), and every document shown, kept
 * once by its hash so that a consent says exactly what was agreed to.
 */
export class ConsentDocumentStore {
  constructor(
    private readonly sql: SqlExecutor,
    private readonly now: Clock,
  ) {}

  async operator(organisationId: string): Promise<{ name: string; fullName: string | null; address: string | null } | undefined> {
    return this.sql.one(`SELECT name, "fullName", address FROM "Organisation" WHERE id = $1`, [organisationId]);
  }

  async organisationOfProgramme(programmeId: string): Promise<string | undefined> {
    return (await this.sql.one<{ organisationId: string }>(`SELECT "organisationId" FROM "Programme" WHERE id = $1`, [programmeId]))?.organisationId;
  }

  /** The organisations whose programmes the person takes part in now: the operators of their data. */
  async operatorsOf(personId: string): Promise<{ id: string; name: string }[]> {
    return this.sql.rows(
      `SELECT DISTINCT o.id, o.name FROM "Participation" p JOIN "Programme" g ON g.id = p."programmeId" JOIN "Organisation" o ON o.id = g."organisationId"
       WHERE p."personId" = $1 AND p.status <> 'left' ORDER BY o.name`,
      [personId],
    );
  }

  /** The organisation's newest own text in this language, if it gave one. */
  async latestText(organisationId: string, language: Language): Promise<{ version: number; source: string } | undefined> {
    return this.sql.one(`SELECT version, source FROM "ConsentText" WHERE "organisationId" = $1 AND language = $2::"Language" ORDER BY version DESC LIMIT 1`, [organisationId, language]);
  }

  /** Keeps a document shown; the same text shown again is the same row. */
  async keep(doc: StoredDocument): Promise<void> {
    await this.sql.exec(
      `INSERT INTO "ConsentDocument"(hash, kind, version, language, "organisationId", text, purposes, data, "createdAt")
       VALUES ($1, $2::"ConsentKind", $3, $4::"Language", $5, $6, ARRAY(SELECT json_array_elements_text($7::json)), ARRAY(SELECT json_array_elements_text($8::json)), $9)
       ON CONFLICT (hash) DO NOTHING`,
      // The lists go as JSON: a write inside an update is sent with escaped literals, and those write arrays as JSON.
      [doc.hash, doc.kind, doc.version, doc.language, doc.organisationId, doc.text, JSON.stringify(doc.purposes), JSON.stringify(doc.data), this.now()],
    );
  }

  async document(hash: string): Promise<StoredDocument | undefined> {
    return this.sql.one(`SELECT hash, kind, version, language, "organisationId", text, purposes, data FROM "ConsentDocument" WHERE hash = $1`, [hash]);
  }

  /** The person's consents in force, oldest first, each with its document. */
  async agreed(personId: string): Promise<AgreedConsent[]> {
    const rows = await this.sql.rows<AgreedConsent & { hash: string | null; docKind: ConsentKind; docVersion: string; language: Language; organisationId: string | null; text: string; purposes: string[]; data: string[]; operatorName: string | null; timezone: string | null }>(
      `SELECT c.kind, c.version, c."givenAt", c.platform, c."representativeName", c."representativeRelation",
              d.hash, d.kind AS "docKind", d.version AS "docVersion", d.language, d."organisationId", d.text, d.purposes, d.data,
              COALESCE(o."fullName", o.name) AS "operatorName", o.timezone
       FROM "Consent" c LEFT JOIN "ConsentDocument" d ON d.hash = c."textHash" LEFT JOIN "Organisation" o ON o.id = d."organisationId"
       WHERE c."personId" = $1 AND c."withdrawnAt" IS NULL ORDER BY c."givenAt", c.kind`,
      [personId],
    );
    return rows.map((r) => ({
      kind: r.kind,
      version: r.version,
      givenAt: r.givenAt,
      platform: r.platform,
      representativeName: r.representativeName,
      representativeRelation: r.representativeRelation,
      operator: r.operatorName && r.timezone ? { name: r.operatorName, timezone: r.timezone } : null,
      document: r.hash ? { hash: r.hash, kind: r.docKind, version: r.docVersion, language: r.language, organisationId: r.organisationId, text: r.text, purposes: r.purposes, data: r.data } : null,
    }));
  }
}
