import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The heavy libraries that only some answers need — ECharts and resvg for the digest's chart,
 * exceljs for /export — are loaded on first use (`await import(...)`), so the service's start-up
 * does not wait for them: no chain of static imports from an entry point reaches them.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const LAZY = [/^echarts(\/|$)/, /^@resvg\/resvg-js$/, /^exceljs$/];
/** A module that loads a lazy library statically (a page's, never the service's). */
const EAGER = "src/reports/chart/echarts-setup.ts";

/** The specifiers a file imports statically and at run time (not `import type`, not `import()`). */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
    if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
  }
  return out;
}

/** Every static chain from the entry point that ends in a lazy library, as "file → … → library". */
function eagerChains(entry: string): string[] {
  const seen = new Set<string>();
  const chains: string[] = [];
  const visit = (file: string, path: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith(".")) {
        const target = resolve(dirname(file), specifier.replace(/\.js$/, ".ts"));
        if (existsSync(target)) visit(target, [...path, relative(ROOT, target)]);
      } else if (LAZY.some((l) => l.test(specifier))) chains.push([...path, specifier].join(" → "));
    }
  };
  visit(join(ROOT, entry), [entry]);
  return chains;
}

describe("heavy libraries", () => {
  it.each(["src/main.ts", "src/cli/admin.ts"])("are not loaded when %s starts", (entry) => {
    expect(eagerChains(entry)).toEqual([]);
  });

  it("are what the lazily loaded modules load (the check would see them)", () => {
    expect(eagerChains(EAGER).length).toBeGreaterThan(0);
    expect(eagerChains("src/reports/xlsx-writer.ts")).toEqual([]);
  });
});
