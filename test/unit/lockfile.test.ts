import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Packages that ship a native binary per platform (resvg for the digest's chart, msgpackr's
 * extractor) name each platform's package as an optional dependency. The lockfile must list
 * every one of them, or `npm ci` on another kind of machine fails.
 */

interface LockEntry {
  version?: string;
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(join(import.meta.dirname, "../../package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };

/** The entry npm resolves `name` to from the package at `from` (its own node_modules first, then up). */
function resolved(from: string, name: string): LockEntry | undefined {
  let dir = from;
  for (;;) {
    const entry = lock.packages[`${dir ? `${dir}/` : ""}node_modules/${name}`];
    if (entry) return entry;
    if (!dir) return undefined;
    const up = dir.lastIndexOf("/node_modules/");
    dir = up < 0 ? "" : dir.slice(0, up);
  }
}

describe("package-lock.json", () => {
  it("lists every platform's package of each native dependency", () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
        if (!resolved(path, name)) missing.push(`${path || "(root)"} → ${name}@${version}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("has resvg's binaries for Linux (glibc and musl), macOS and Windows", () => {
    const resvg = lock.packages["node_modules/@resvg/resvg-js"];
    for (const platform of ["linux-x64-gnu", "linux-x64-musl", "linux-arm64-gnu", "linux-arm64-musl", "darwin-x64", "darwin-arm64", "win32-x64-msvc"]) {
      expect(lock.packages[`node_modules/@resvg/resvg-js-${platform}`]?.version, platform).toBe(resvg?.version);
    }
  });
});
