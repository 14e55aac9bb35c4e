import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The layers of docs/architecture.md ("Layers"), checked on the source: a file imports its own
 * layer and the layers below it, never one above (domain < flows; domain < store < usecases <
 * jobs; usecases/store/flows/domain < bot/core < bot/telegram|vk|max), the messengers' profiles
 * are pure and the registries (src/platforms.ts, src/adapters.ts) read the adapters' folders, and
 * only the entry points import app.ts.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SRC = join(ROOT, "src");
/** Written by `prisma generate`; the client it holds is the db layer's. */
const GENERATED = "src/db/generated";

type Layer =
  | "domain"
  | "flows"
  | "usecases"
  | "store"
  | "jobs"
  | "cli"
  | "reports"
  | "i18n"
  | "db"
  | "http"
  | "webapp"
  | "bot/core"
  | "bot/telegram"
  | "bot/vk"
  | "bot/max"
  | "platforms"
  | "adapters"
  | "config"
  | "logger"
  | "env-file"
  | "app"
  | "main";

/**
 * What each layer may import besides itself: the table's column, with i18n (Language, Translate,
 * TextRef: it imports nothing of ours) open to every layer above the domain, and the modules the
 * layers below use. A new folder gets a row in the table and here.
 */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  // Pure functions and types, and the modules that import nothing of ours.
  domain: [],
  i18n: [],
  db: [],
  http: [],
  config: ["platforms", "domain"],
  // The registry of the messengers' profiles: each adapter's profile.ts (checked below: pure).
  platforms: ["domain", "bot/telegram", "bot/vk", "bot/max"],
  logger: [],
  "env-file": [],
  reports: ["domain", "i18n"],
  flows: ["domain", "i18n"],
  store: ["db", "domain", "i18n"],
  usecases: ["store", "domain", "db", "i18n", "platforms"],
  jobs: ["usecases", "store", "domain", "db", "i18n", "reports", "logger", "config", "platforms"],
  cli: ["store", "domain", "db", "i18n", "logger", "config", "env-file", "app", "platforms"],
  "bot/core": ["flows", "usecases", "store", "domain", "db", "i18n", "reports", "logger", "config", "platforms"],
  // The web app's server: launches and sessions, its API over the use cases, the client's files.
  // It reads the reports the commands compose (src/bot/core/commands/region-reports.ts).
  webapp: ["bot/core", "flows", "usecases", "store", "domain", "db", "i18n", "reports", "logger", "platforms"],
  // The adapters: the core's types and processor, their platform's library.
  "bot/telegram": ["bot/core", "domain", "i18n", "logger", "config"],
  "bot/vk": ["bot/core", "domain", "i18n", "logger", "config"],
  "bot/max": ["bot/core", "domain", "i18n", "logger", "config"],
  // The registry of the transports: each adapter's adapter.ts.
  adapters: ["bot/core", "bot/telegram", "bot/vk", "bot/max", "domain"],
  // app.ts wires everything; only entry points import it.
  app: ["domain", "flows", "usecases", "store", "jobs", "reports", "i18n", "db", "http", "webapp", "bot/core", "adapters", "platforms", "config", "logger"],
  main: ["app", "domain", "config", "logger", "env-file"],
};

/**
 * Imports of types only, between layers the order does not rank against one another: flow
 * definitions are typed against the Services they are given (src/usecases), the repositories,
 * use cases and jobs keep the flows' neutral data (Answers, FlowState, FlowContext), the
 * repositories fill the workbook's row types. Nothing of the other layer is loaded at run time.
 */
const TYPE_ONLY: Partial<Record<Layer, readonly Layer[]>> = {
  flows: ["usecases"],
  store: ["flows", "reports"],
  usecases: ["flows"],
  jobs: ["flows"],
};

/**
 * TEMPORARY: imports in files being rewritten elsewhere right now (src/bot/core/commands/*,
 * src/bot/core/router.ts, src/bot/core/payload.ts, src/jobs/lifecycle.ts, src/jobs/lifecycle/).
 * Each line goes when its file switches to the module named; a line no longer needed fails
 * the last test below.
 */
const TEMPORARILY_ALLOWED: readonly { file: string; imports: string; switchTo: string }[] = [];

/** Packages the pure layers may use: nothing with I/O, nothing of grammY or vk-io. */
const PURE_PACKAGES = ["zod", "node:crypto"];
const PURE_LAYERS: readonly Layer[] = ["domain", "flows"];

function layerOf(file: string): Layer | null {
  const rel = file.replace(/^src\//, "");
  const parts = rel.split("/");
  if (parts.length === 1) {
    const top = rel.replace(/\.ts$/, "");
    return top in MAY_IMPORT ? (top as Layer) : null;
  }
  const layer = parts[0] === "bot" ? `bot/${parts[1]}` : parts[0]!;
  return layer in MAY_IMPORT ? (layer as Layer) : null;
}

interface Import {
  file: string;
  /** A relative import resolved to a path under the repository (.js → .ts), or the package's name. */
  target: string;
  relative: boolean;
  typeOnly: boolean;
  line: number;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(ROOT, path).split("\\").join("/");
    if (entry.isDirectory()) {
      if (rel !== GENERATED) out.push(...sourceFiles(path));
    } else if (entry.name.endsWith(".ts")) out.push(rel);
  }
  return out;
}

function resolveTarget(file: string, specifier: string): string {
  const abs = resolve(ROOT, dirname(file), specifier);
  const ts_ = abs.replace(/\.js$/, ".ts");
  const path = existsSync(ts_) ? ts_ : existsSync(join(abs, "index.ts")) ? join(abs, "index.ts") : abs;
  return relative(ROOT, path).split("\\").join("/");
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: Import[] = [];
  const add = (specifier: ts.Expression | undefined, typeOnly: boolean, node: ts.Node) => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    const s = specifier.text;
    const isRelative = s.startsWith(".");
    out.push({
      file,
      target: isRelative ? resolveTarget(file, s) : s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]!,
      relative: isRelative,
      typeOnly,
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
    });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier, typeOnly, node);
    } else if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause;
      const typeOnly = node.isTypeOnly || (!!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly));
      add(node.moduleSpecifier, typeOnly, node);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg)) add(arg.literal, true, node);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false, node);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const files = sourceFiles(SRC);
const imports = files.flatMap(importsOf);
const describeImport = (i: Import) => `${i.file}:${i.line} → ${i.target}`;

function isAllowed(i: Import): boolean {
  const from = layerOf(i.file);
  const to = layerOf(i.target);
  if (!from || !to || from === to) return true; // unknown layers are reported by the first test
  if (MAY_IMPORT[from].includes(to)) return true;
  return i.typeOnly && (TYPE_ONLY[from] ?? []).includes(to);
}

const temporarilyAllowed = (i: Import) => TEMPORARILY_ALLOWED.some((a) => a.file === i.file && a.imports === i.target);

describe("layers (docs/architecture.md)", () => {
  it("reads the source", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.some((i) => i.file === "src/main.ts" && i.target === "src/app.ts" && !i.typeOnly)).toBe(true);
    expect(imports.some((i) => i.file === "src/store/forms.ts" && i.target === "src/flows/types.ts" && i.typeOnly)).toBe(true);
    expect(imports.some((i) => i.file === "src/store/update-frame.ts" && i.target === "src/domain/messaging.ts" && !i.typeOnly)).toBe(true);
  });

  it("every source file and every import of ours is in a layer of the table", () => {
    const outside = [...files.filter((f) => !layerOf(f)), ...imports.filter((i) => i.relative && i.target.startsWith("src/") && !layerOf(i.target)).map(describeImport)];
    expect(outside).toEqual([]);
  });

  it("no file imports a layer above its own, and only the entry points import app.ts", () => {
    const violations = imports.filter((i) => i.relative && !isAllowed(i) && !temporarilyAllowed(i)).map((i) => `${describeImport(i)} (${layerOf(i.file)} may not import ${layerOf(i.target)}${i.typeOnly ? ", even types" : ""})`);
    expect(violations).toEqual([]);
  });

  it("the pure layers import no package with I/O", () => {
    const impure = imports.filter((i) => !i.relative && PURE_LAYERS.includes(layerOf(i.file)!) && !PURE_PACKAGES.includes(i.target)).map(describeImport);
    expect(impure).toEqual([]);
  });

  it("a messenger's profile is pure, and the registries read only the profiles and the adapters of the messengers' folders", () => {
    const profile = /^src\/bot\/[a-z]+\/profile\.ts$/;
    const impureProfiles = imports.filter((i) => profile.test(i.file) && (i.relative ? layerOf(i.target) !== "domain" : !PURE_PACKAGES.includes(i.target))).map(describeImport);
    expect(impureProfiles).toEqual([]);
    const registries = imports.filter((i) => i.relative && i.target.startsWith("src/bot/") && !i.target.startsWith("src/bot/core/"));
    const wrong = registries.filter((i) => (i.file === "src/platforms.ts" && !profile.test(i.target)) || (i.file === "src/adapters.ts" && !/\/adapter\.ts$/.test(i.target))).map(describeImport);
    expect(wrong).toEqual([]);
    expect(registries.filter((i) => i.file === "src/platforms.ts").length).toBeGreaterThanOrEqual(3);
  });

  it("each temporary allowance is still needed", () => {
    const stale = TEMPORARILY_ALLOWED.filter((a) => !imports.some((i) => i.file === a.file && i.target === a.imports && !isAllowed(i))).map((a) => `${a.file} → ${a.imports}: remove it from TEMPORARILY_ALLOWED`);
    expect(stale).toEqual([]);
  });
});
