import type { PrismaClient } from "../db/client.js";
import type { Clock } from "../domain/clock.js";
import { listItems, TEMPLATE_IDS, TEMPLATE_PREFIX, TEMPLATE_VARIABLES } from "../domain/consent.js";
import { fluentSource, type Language } from "../i18n/index.js";

/**
 * An organisation's own text of the consent documents: a Fluent file with the messages of
 * locales/<lang>/consent.ftl (for each document its title, purposes, data and the document),
 * stored as a new version whenever it differs from the newest.
 */

/** What is wrong with a text of the consent documents: nothing when it can be used. */
export function templateProblems(source: string, lang: Language): string[] {
  const read = fluentSource(source, lang);
  const problems = [...read.errors];
  const missing = TEMPLATE_IDS.filter((id) => !read.ids.has(id));
  if (missing.length) return [...problems, `missing messages: ${missing.join(", ")}`];
  const sample = Object.fromEntries(TEMPLATE_VARIABLES.map((v) => [v, "—"]));
  for (const prefix of Object.values(TEMPLATE_PREFIX)) {
    for (const part of ["purposes", "data"]) if (!listItems(read.format(`${prefix}-${part}`).text).length) problems.push(`${prefix}-${part} lists nothing`);
    problems.push(...read.format(`${prefix}-document`, sample).errors.map((e) => `${prefix}-document: ${e}`));
  }
  return problems;
}

export class ConsentTexts {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly now: Clock,
  ) {}

  /** Stores the text as the organisation's newest version, unless it is the newest already. */
  async save(organisationId: string, language: Language, source: string): Promise<{ version: number; changed: boolean }> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))`, `consent-text:${organisationId}:${language}`);
      const latest = await tx.consentText.findFirst({ where: { organisationId, language }, orderBy: { version: "desc" }, select: { version: true, source: true } });
      if (latest && latest.source === source) return { version: latest.version, changed: false };
      const version = (latest?.version ?? 0) + 1;
      await tx.consentText.create({ data: { organisationId, language, version, source, createdAt: this.now() } });
      return { version, changed: true };
    });
  }
}
