import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ServerResponse } from "node:http";
import { LANGUAGES, type Language } from "../i18n/index.js";
import { SECURITY_HEADERS } from "./http.js";

/**
 * The client's files: the bundle `npm run build` writes to webapp/dist (esbuild, from webapp/src),
 * and the web app's texts, locales/<lang>/app.ftl — the Fluent files the bot reads too. Found
 * from this file (src/webapp or dist/webapp, both two levels below the repository).
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const CLIENT_DIR = join(ROOT, "webapp", "dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".ftl": "text/plain; charset=utf-8",
};

/** No script, style or request leaves the service: nothing from a CDN, no inline script. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors https://web.telegram.org https://*.vk.com https://vk.com https://*.max.ru 'self'; base-uri 'none'; form-action 'self'";

const FILES = ["index.html", "app.js", "app.css"] as const;

export class ClientFiles {
  private readonly cache = new Map<string, Buffer>();

  constructor(private readonly dir = CLIENT_DIR) {}

  private file(path: string): Buffer | null {
    const cached = this.cache.get(path);
    if (cached) return cached;
    if (!existsSync(path)) return null;
    const content = readFileSync(path);
    this.cache.set(path, content);
    return content;
  }

  /** `/app/`, `/app/app.js`, `/app/app.css`, `/app/texts/<lang>.ftl`; false when the path is none of them. */
  serve(path: string, res: ServerResponse): boolean {
    const texts = /^\/app\/texts\/([a-z]{2})\.ftl$/.exec(path);
    if (texts) {
      if (!(LANGUAGES as readonly string[]).includes(texts[1]!)) return false;
      const content = this.file(join(ROOT, "locales", texts[1] as Language, "app.ftl"));
      if (!content) return false;
      res.writeHead(200, { "content-type": TYPES[".ftl"]!, ...SECURITY_HEADERS, "cache-control": "public, max-age=300" }).end(content);
      return true;
    }
    const name = path === "/app" || path === "/app/" ? "index.html" : path.slice("/app/".length);
    if (!(FILES as readonly string[]).includes(name)) return false;
    const content = this.file(join(this.dir, name));
    if (!content) {
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8" }).end("The web app is not built: run npm run build.");
      return true;
    }
    const ext = name.slice(name.lastIndexOf("."));
    res.writeHead(200, { "content-type": TYPES[ext]!, ...SECURITY_HEADERS, "content-security-policy": CSP, "cache-control": name === "index.html" ? "no-store" : "public, max-age=300" }).end(content);
    return true;
  }
}
