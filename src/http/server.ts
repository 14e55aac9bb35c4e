import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface HttpServerOptions {
  /** Says whether each dependency answers, for GET /healthz. */
  health: () => Promise<Record<string, boolean>>;
  /** The messengers' webhooks by path (POST /webhooks/<platform>; src/platforms.ts `webhookPath`). */
  webhooks?: ReadonlyMap<string, RequestHandler>;
  /** The web app: every request under /app (src/webapp). */
  webApp?: RequestHandler;
}

/** The service's HTTP face: health for the orchestrator, webhooks for the messengers, the web app under /app. */
export function createHttpServer(options: HttpServerOptions): Server {
  return createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    try {
      if (req.method === "GET" && path === "/healthz") {
        const checks = await options.health();
        const ok = Object.values(checks).every(Boolean);
        const body = Object.fromEntries(Object.entries(checks).map(([k, v]) => [k, v ? "ok" : "down"]));
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ status: ok ? "ok" : "degraded", ...body }));
        return;
      }
      const webhook = req.method === "POST" ? options.webhooks?.get(path) : undefined;
      if (webhook) return await webhook(req, res);
      if (options.webApp && (path === "/app" || path.startsWith("/app/"))) return await options.webApp(req, res);
      res.writeHead(404).end("not found");
    } catch {
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
}
