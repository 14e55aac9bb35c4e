import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface HttpServerOptions {
  /** Says whether each dependency answers, for GET /healthz. */
  health: () => Promise<Record<string, boolean>>;
  telegramWebhook?: RequestHandler;
  vkCallback?: RequestHandler;
}

export const TELEGRAM_WEBHOOK_PATH = "/webhooks/telegram";
export const VK_CALLBACK_PATH = "/webhooks/vk";

/** The service's HTTP face: health for the orchestrator, webhooks for the messengers. */
export function createHttpServer(options: HttpServerOptions): Server {
  return createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    try {
      if (req.method === "GET" && path === "/healthz") {
        const checks = await options.health();
        const ok = Object.values(checks).every(Boolean);
        const body = Object.fromEntries(Object.entries(checks).map(([k, v]) => [k, v ? "ok" : "down"]));
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ status: ok ? "ok" : "degraded", ...body }));
        return;
      }
      if (req.method === "POST" && path === TELEGRAM_WEBHOOK_PATH && options.telegramWebhook) return await options.telegramWebhook(req, res);
      if (req.method === "POST" && path === VK_CALLBACK_PATH && options.vkCallback) return await options.vkCallback(req, res);
      res.writeHead(404).end("not found");
    } catch {
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
}
