import { parseArgs } from "node:util";
import { z } from "zod";
import { createDatabase } from "../db/client.js";
import { isMentorshipForm, isRole, MENTORSHIP_FORMS, ROLES } from "../domain/roles.js";
import { isTimezone, utcDate } from "../domain/time.js";
import { allowedMessengers, parseMessengerList, PLATFORMS, type Platform } from "../domain/platforms.js";
import { profileOf, profiles } from "../platforms.js";
import { Invitations } from "../store/invitations.js";
import { systemClock } from "../domain/clock.js";
import { loadEnvFile } from "../env-file.js";
import { DEFAULT_RETENTION_MARGIN_DAYS, MAX_RETENTION_MARGIN_DAYS } from "../domain/retention.js";
import { readFile } from "node:fs/promises";
import { RELAY_MODES } from "../domain/lifecycle-settings.js";
import { FLAG_CATEGORIES, flagWordLists } from "../domain/relay/flag-words.js";
import { readFileSync } from "node:fs";
import { ConsentTexts, templateProblems } from "../store/consent-texts.js";
import { isLanguage, LANGUAGES } from "../i18n/index.js";

/**
 * First steps of an installation, from the shell:
 *   npm run admin -- org:create --name … --timezone Asia/Omsk [--district …] [--region …] [--messengers max,vk]
 *   npm run admin -- org:update --org <id> [--messengers max,vk|all] [--name …] [--full-name …] [--address …] [--timezone …] [--district …] [--region …] [--retention-margin <days>]
 *   npm run admin -- org:consent-text --org <id> --file <consent.ftl> [--lang ru|en]
 *   npm run admin -- programme:create --org <id> --form <form> --name … --starts <date> --ends <date>
 *   npm run admin -- invite:create --programme <id> --role mentor|mentee|curator [--expires <date>] [--max-uses <n>]
 *   npm run admin -- admin:add --telegram <user id> | --vk <user id> | --max <user id> (--org <id> | --district … --region … | --region …) [--timezone <zone>]
 *   npm run admin -- programme:settings --programme <id> --relay minors|on|off
 *   npm run admin -- org:flag-words --org <id> [--file <lists.json> | --reset]
 */

export const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  org:create        --name <name> --timezone <IANA zone, e.g. Asia/Omsk> [--district <municipal district>] [--region <region>]
                    [--kind general|professional|additional|enterprise] [--children <n>] [--teachers <n>] [--young-specialists <n>]
                    [--full-name <the operator's full name, as in the charter>] [--address <the operator's address>]
                    [--messengers <${PLATFORMS.join(",")}: the messengers it allows; default: all the service runs>]
                    [--retention-margin <days the data of an ended programme are kept after 20 January of the next year; default ${DEFAULT_RETENTION_MARGIN_DAYS}>]
  org:update        --org <organisation id> [--messengers <list>|all] [--name …] [--timezone …] [--district …] [--region …] [--kind …]
                    [--children <n>] [--teachers <n>] [--young-specialists <n>] [--retention-margin <days>] [--full-name …] [--address …]
  org:consent-text  --org <organisation id> --file <Fluent file with the messages of locales/ru/consent.ftl> [--lang ru|en]
                    the organisation's own text of the consent documents; a changed text is a new version
  programme:create  --org <organisation id> --form <form> --name <name> --starts <YYYY-MM-DD> --ends <YYYY-MM-DD> [--result <text>]
                    forms: ${MENTORSHIP_FORMS.join(", ")}
  invite:create     --programme <programme id> --role ${ROLES.join("|")} [--expires <YYYY-MM-DD>] [--max-uses <n>]
  admin:add         (${PLATFORMS.map((p) => `--${p} <user id>`).join(" | ")}) (--org <organisation id> | --district <district> --region <region> | --region <region>)
                    [--timezone <IANA zone of the weekly digest; default: the organisation's, else Europe/Moscow>]
  programme:settings --programme <programme id> --relay ${RELAY_MODES.join("|")}
                    relay: pairs write to each other through the bot, without contacts (minors: when a mentee is under 18; the default)
  org:flag-words    --org <organisation id> [--file <JSON: {"ru": {"bullying": ["травля", …]}, …}> | --reset]
                    the word lists of the flags (categories: ${FLAG_CATEGORIES.join(", ")}); a category given replaces the default; none: prints them
  org:list          organisations with their ids
  programme:list    [--org <organisation id>]

Environment: DATABASE_URL; ${profiles().map((p) => p.invite.env).join(", ")} for invitation links.`;

export class UsageError extends Error {}

type Out = (line: string) => void;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD").refine((d) => !Number.isNaN(Date.parse(d)), "must be a real date");
const count = z.coerce.number().int().min(0).max(10_000_000);
const marginDays = z.string().regex(/^\d{1,4}$/, "must be a whole number of days").transform(Number).pipe(z.number().max(MAX_RETENTION_MARGIN_DAYS, `must be at most ${MAX_RETENTION_MARGIN_DAYS} days`));

/** --messengers max,vk: known messenger names; "all" (or none given) allows every messenger the service runs. */
function messengersOf(value: string): Platform[] {
  const parsed = parseMessengerList(value);
  if (!parsed.ok) throw new UsageError(`--messengers: unknown messenger "${parsed.unknown}" (known: ${PLATFORMS.join(", ")}, or all)`);
  return parsed.messengers;
}

/** An organisation's word lists: per language, per category, a list of words or phrases. */
const flagWordsFile = z.record(z.string().regex(/^[a-z]{2}$/, "languages are two letters"), z.object(Object.fromEntries(FLAG_CATEGORIES.map((c) => [c, z.array(z.string().trim().min(2).max(100)).max(500).optional()]))).strict());

const kinds = z.enum(["general", "professional", "additional", "enterprise"]);

function need(values: Record<string, unknown>, ...names: string[]): void {
  const missing = names.filter((n) => values[n] === undefined || values[n] === "");
  if (missing.length) throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(", ")}`);
}

function check<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UsageError(`--${name} ${r.error.issues[0]?.message ?? "is invalid"}`);
  return r.data;
}

export async function runAdmin(argv: string[], env: Record<string, string | undefined>, out: Out): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") throw new UsageError("no command given");
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      name: { type: "string" },
      timezone: { type: "string" },
      district: { type: "string" },
      region: { type: "string" },
      kind: { type: "string" },
      children: { type: "string" },
      teachers: { type: "string" },
      "young-specialists": { type: "string" },
      org: { type: "string" },
      form: { type: "string" },
      starts: { type: "string" },
      ends: { type: "string" },
      result: { type: "string" },
      programme: { type: "string" },
      role: { type: "string" },
      expires: { type: "string" },
      "max-uses": { type: "string" },
      messengers: { type: "string" },
      "retention-margin": { type: "string" },
      relay: { type: "string" },
      file: { type: "string" },
      reset: { type: "boolean" },
      "full-name": { type: "string" },
      address: { type: "string" },
      lang: { type: "string" },
      // One option per messenger: the account's user id (admin:add).
      ...Object.fromEntries(PLATFORMS.map((p) => [p, { type: "string" as const }])),
    },
  });
  if (!env.DATABASE_URL) throw new UsageError("DATABASE_URL is not set");
  const db = createDatabase(env.DATABASE_URL, { poolSize: 2, framePoolSize: 1 });
  const prisma = db.prisma;
  const now = systemClock();
  try {
    switch (command) {
      case "org:create": {
        need(values, "name", "timezone");
        if (!isTimezone(values.timezone!)) throw new UsageError(`--timezone ${values.timezone} is not an IANA timezone (e.g. Europe/Moscow, Asia/Omsk)`);
        const kind = check(kinds.default("general"), values.kind, "kind");
        const messengers = values.messengers === undefined ? [] : messengersOf(values.messengers);
        const org = await prisma.organisation.create({
          data: {
            name: values.name!,
            timezone: values.timezone!,
            district: values.district ?? null,
            region: values.region ?? null,
            kind,
            childrenAged10to19: values.children === undefined ? null : check(count, values.children, "children"),
            teachersCount: values.teachers === undefined ? null : check(count, values.teachers, "teachers"),
            youngSpecialistsCount: values["young-specialists"] === undefined ? null : check(count, values["young-specialists"], "young-specialists"),
            messengers,
            retentionMarginDays: values["retention-margin"] === undefined ? DEFAULT_RETENTION_MARGIN_DAYS : check(marginDays, values["retention-margin"], "retention-margin"),
            fullName: values["full-name"]?.trim() || null,
            address: values.address?.trim() || null,
            createdAt: now,
          },
        });
        out(`Organisation created: ${org.id}`);
        out(`Messengers: ${messengersLine(messengers)}`);
        out(`Retention: ${retentionLine(org.retentionMarginDays)}`);
        return;
      }
      case "org:update": {
        need(values, "org");
        const found = await prisma.organisation.findUnique({ where: { id: values.org! }, select: { id: true } });
        if (!found) throw new UsageError(`no organisation ${values.org}`);
        if (values.timezone !== undefined && !isTimezone(values.timezone)) throw new UsageError(`--timezone ${values.timezone} is not an IANA timezone (e.g. Europe/Moscow, Asia/Omsk)`);
        if (values.name !== undefined && !values.name.trim()) throw new UsageError("--name must not be empty");
        const data = {
          ...(values.name !== undefined ? { name: values.name.trim() } : {}),
          ...(values.timezone !== undefined ? { timezone: values.timezone } : {}),
          ...(values.district !== undefined ? { district: values.district || null } : {}),
          ...(values.region !== undefined ? { region: values.region || null } : {}),
          ...(values.kind !== undefined ? { kind: check(kinds, values.kind, "kind") } : {}),
          ...(values.children !== undefined ? { childrenAged10to19: check(count, values.children, "children") } : {}),
          ...(values.teachers !== undefined ? { teachersCount: check(count, values.teachers, "teachers") } : {}),
          ...(values["young-specialists"] !== undefined ? { youngSpecialistsCount: check(count, values["young-specialists"], "young-specialists") } : {}),
          ...(values.messengers !== undefined ? { messengers: messengersOf(values.messengers) } : {}),
          ...(values["retention-margin"] !== undefined ? { retentionMarginDays: check(marginDays, values["retention-margin"], "retention-margin") } : {}),
          ...(values["full-name"] !== undefined ? { fullName: values["full-name"].trim() || null } : {}),
          ...(values.address !== undefined ? { address: values.address.trim() || null } : {}),
        };
        if (!Object.keys(data).length) throw new UsageError("nothing to change: give --messengers, --name, --full-name, --address, --timezone, --district, --region, --kind, --retention-margin or a count");
        const org = await prisma.organisation.update({ where: { id: found.id }, data, select: { id: true, messengers: true, retentionMarginDays: true } });
        out(`Organisation updated: ${org.id}`);
        out(`Messengers: ${messengersLine(org.messengers)}`);
        out(`Retention: ${retentionLine(org.retentionMarginDays)}`);
        return;
      }
      case "org:consent-text": {
        need(values, "org", "file");
        const lang = values.lang ?? "ru";
        if (!isLanguage(lang)) throw new UsageError(`--lang must be one of: ${LANGUAGES.join(", ")}`);
        const found = await prisma.organisation.findUnique({ where: { id: values.org! }, select: { id: true } });
        if (!found) throw new UsageError(`no organisation ${values.org}`);
        let source: string;
        try {
          source = readFileSync(values.file!, "utf8");
        } catch {
          throw new UsageError(`cannot read --file ${values.file}`);
        }
        const problems = templateProblems(source, lang);
        if (problems.length) throw new UsageError(`--file ${values.file}: ${problems.join("; ")}`);
        const saved = await new ConsentTexts(prisma, systemClock).save(found.id, lang, source);
        out(saved.changed ? `Consent text stored: version org-${saved.version} (${lang})` : `Consent text unchanged: version org-${saved.version} (${lang})`);
        return;
      }
      case "programme:create": {
        need(values, "org", "form", "name", "starts", "ends");
        if (!isMentorshipForm(values.form)) throw new UsageError(`--form must be one of: ${MENTORSHIP_FORMS.join(", ")}`);
        const starts = check(isoDate, values.starts, "starts");
        const ends = check(isoDate, values.ends, "ends");
        if (ends < starts) throw new UsageError("--ends must not be before --starts");
        const org = await prisma.organisation.findUnique({ where: { id: values.org! } });
        if (!org) throw new UsageError(`no organisation ${values.org}`);
        const programme = await prisma.programme.create({
          data: { organisationId: org.id, form: values.form, name: values.name!, startsOn: new Date(starts), endsOn: new Date(ends), statedResult: values.result ?? null, createdAt: now },
        });
        out(`Programme created: ${programme.id}`);
        return;
      }
      case "invite:create": {
        need(values, "programme", "role");
        if (!isRole(values.role)) throw new UsageError(`--role must be one of: ${ROLES.join(", ")}`);
        const programme = await prisma.programme.findUnique({ where: { id: values.programme! }, include: { organisation: { select: { messengers: true } } } });
        if (!programme) throw new UsageError(`no programme ${values.programme}`);
        const expires = values.expires === undefined ? null : new Date(check(isoDate, values.expires, "expires"));
        const maxUses = values["max-uses"] === undefined ? null : check(z.coerce.number().int().min(1), values["max-uses"], "max-uses");
        const inv = await new Invitations(db.sql, () => now).create({ programmeId: programme.id, role: values.role, expiresAt: expires, maxUses });
        out(`Invitation code: ${inv.code}`);
        // The links of the messengers the organisation allows, of those this installation is set up for.
        const configured = PLATFORMS.filter((platform) => !!env[profileOf(platform).config.enabledBy]?.trim());
        for (const platform of allowedMessengers(programme.organisation.messengers, configured.length ? configured : PLATFORMS)) {
          const p = profileOf(platform);
          out(`${p.name}: ${p.invite.link(p.invite.fromEnv(env[p.invite.env]) ?? p.invite.placeholder, inv.code)}`);
        }
        return;
      }
      case "admin:add": {
        const accounts = values as Record<string, string | undefined>;
        const given = PLATFORMS.filter((p) => accounts[p]);
        if (given.length !== 1) throw new UsageError(`give exactly one of ${PLATFORMS.map((p) => `--${p} <user id>`).join(", ")}`);
        const platform = given[0]!;
        const externalId = check(z.string().regex(/^\d{1,20}$/, "must be a numeric user id"), accounts[platform], platform);
        if (values.timezone !== undefined && !isTimezone(values.timezone)) throw new UsageError(`--timezone ${values.timezone} is not an IANA timezone (e.g. Europe/Moscow, Asia/Omsk)`);
        const scope = values.org ? "organisation" : values.district ? "district" : "region";
        if (scope === "district" && !values.region?.trim()) throw new UsageError("--district needs --region: district names repeat across regions (e.g. --district \"Омский район\" --region \"Омская область\")");
        if (scope === "region" && !values.region?.trim()) throw new UsageError("give --org <organisation id>, --district <district> --region <region>, or --region <region>");
        const org = values.org ? await prisma.organisation.findUnique({ where: { id: values.org }, select: { timezone: true } }) : null;
        if (values.org && !org) throw new UsageError(`no organisation ${values.org}`);
        // The weekly digest comes at the administrator's hour in this zone (changeable in the bot: /digest_settings).
        const timezone = values.timezone ?? org?.timezone;
        const identity = await prisma.messengerIdentity.findUnique({ where: { platform_externalId: { platform, externalId } } });
        const personId =
          identity?.personId ??
          (await prisma.person.create({ data: { createdAt: now, identities: { create: { platform, externalId, chatId: externalId, createdAt: now } } } })).id;

        const admin = await prisma.administrator.create({
          data: { personId, scope, organisationId: values.org ?? null, region: values.region ?? null, district: values.district ?? null, createdAt: now, ...(timezone ? { timezone } : {}) },
        });
        out(`Administrator added: ${admin.id} (${scope}${values.org ? ` ${values.org}` : values.district ? ` ${values.district}` : values.region ? ` ${values.region}` : ""})`);
        return;
      }
      case "programme:settings": {
        need(values, "programme", "relay");
        const relay = check(z.enum(RELAY_MODES), values.relay, "relay");
        const programme = await prisma.programme.findUnique({ where: { id: values.programme! }, select: { id: true, settings: true } });
        if (!programme) throw new UsageError(`no programme ${values.programme}`);
        const settings = (programme.settings && typeof programme.settings === "object" ? programme.settings : {}) as Record<string, unknown>;
        const lifecycle = (settings.lifecycle && typeof settings.lifecycle === "object" ? settings.lifecycle : {}) as Record<string, unknown>;
        await prisma.programme.update({ where: { id: programme.id }, data: { settings: { ...settings, lifecycle: { ...lifecycle, relay } } as object } });
        out(`Programme ${programme.id}: relay ${relay}`);
        return;
      }
      case "org:flag-words": {
        need(values, "org");
        const org = await prisma.organisation.findUnique({ where: { id: values.org! }, select: { id: true, flagWords: true } });
        if (!org) throw new UsageError(`no organisation ${values.org}`);
        if (values.file !== undefined || values.reset) {
          const lists = values.reset ? {} : check(flagWordsFile, await readJson(values.file!), "file");
          await prisma.organisation.update({ where: { id: org.id }, data: { flagWords: lists } });
          org.flagWords = lists;
          out(`Organisation ${org.id}: flag words ${values.reset ? "reset to the defaults" : "updated"}`);
        }
        for (const [lang, lists] of Object.entries(flagWordLists(org.flagWords))) {
          for (const category of FLAG_CATEGORIES) out(`${lang}\t${category}\t${(lists[category] ?? []).length} words`);
        }
        return;
      }
      case "org:list": {
        for (const o of await prisma.organisation.findMany({ orderBy: { createdAt: "asc" } })) out(`${o.id}\t${o.name}\t${o.timezone}\t${o.district ?? ""}\t${messengersLine(o.messengers)}`);
        return;
      }
      case "programme:list": {
        const list = await prisma.programme.findMany({ where: values.org ? { organisationId: values.org } : {}, orderBy: { createdAt: "asc" } });
        for (const p of list) out(`${p.id}\t${p.name}\t${p.form}\t${utcDate(p.startsOn)}..${utcDate(p.endsOn)}`);
        return;
      }
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } finally {
    await db.close();
  }
}

/** How long an ended programme's personal data are kept (src/domain/retention.ts). */
function retentionLine(margin: number): string {
  return `until 20 January of the year after a programme ends${margin ? ` + ${margin} day${margin === 1 ? "" : "s"}` : ""}, then destroyed with an act`;
}

/** A JSON file given on the command line; a missing or malformed file is a usage error. */
async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new UsageError(`--file ${path} cannot be read`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`--file ${path} is not JSON`);
  }
}

/** "MAX, VK", or "all" when the organisation lists none. */
function messengersLine(messengers: readonly Platform[]): string {
  return messengers.length ? messengers.map((m) => profileOf(m).name).join(", ") : "all";
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  loadEnvFile();
  runAdmin(process.argv.slice(2), process.env, (l) => console.log(l)).then(
    () => process.exit(0),
    (error) => {
      if (error instanceof UsageError || (error as any)?.code?.startsWith?.("ERR_PARSE_ARGS")) {
        console.error(`Error: ${error.message}\n\n${USAGE}`);
        process.exit(2);
      }
      console.error(`Error: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
      process.exit(1);
    },
  );
}
