import { MaxError, type Api } from "@maxhub/max-bot-api";
import type { AttachmentRequest } from "@maxhub/max-bot-api/types";
import { MessengerBase } from "../core/messenger.js";
import { RateLimitedError, RecipientUnreachableError, type Button, type OutgoingMessage, type SentMessage } from "../core/types.js";
import { splitText } from "../../domain/messaging.js";
import { maxProfile } from "./profile.js";

/** The answers of the API that mean the person cannot be written to: the bot was stopped or blocked, the dialog is gone. */
const UNREACHABLE_CODES = new Set(["chat.denied", "chat.not.found", "user.blocked", "error.dialog.suspended", "dialog.suspended"]);

/** A button that opens the web app: the bot's mini app (`open_app`, named by the bot's username), or a link to it when the username is not known. */
function appButton(b: Button & { app: { url: string } }, botUsername: string | undefined) {
  return botUsername ? { type: "open_app" as const, text: b.label, web_app: botUsername } : { type: "link" as const, text: b.label, url: b.app.url };
}

function keyboard(rows: Button[][] | undefined, botUsername?: string): AttachmentRequest | undefined {
  if (!rows?.length) return undefined;
  return {
    type: "inline_keyboard",
    payload: { buttons: rows.map((row) => row.map((b) => (b.app ? appButton(b as Button & { app: { url: string } }, botUsername) : { type: "callback" as const, text: b.label, payload: b.payload }))) },
  };
}

/**
 * Sends the core's messages through the MAX Bot API (the client of @maxhub/max-bot-api: its
 * requests, and its retry of a message whose attachment is still being processed,
 * `attachment.not.ready`), mapping its errors to the core's.
 */
export class MaxMessenger extends MessengerBase {
  constructor(
    private readonly api: Api,
    /** The bot's username: its mini app is what an "open the app" button opens. */
    private readonly botUsername?: string,
  ) {
    super(maxProfile);
  }

  protected async edit(_chatId: string, ref: string, message: OutgoingMessage): Promise<void> {
    const kb = keyboard(message.buttons, this.botUsername);
    // Without attachments the old keyboard would stay: an empty list removes it.
    await this.api.editMessage(ref, { text: message.text.slice(0, this.limits.maxTextLength), attachments: kb ? [kb] : [] });
  }

  /** `chatId` is the person's user id (src/bot/max/convert.ts): MAX delivers to their dialog with the bot. */
  protected async sendNew(chatId: string, message: OutgoingMessage): Promise<SentMessage> {
    const kb = keyboard(message.buttons, this.botUsername);
    const files: AttachmentRequest[] = [];
    if (message.document) files.push({ type: "file", payload: { token: await this.upload("file", message.document.filename, message.document.mimeType, message.document.content) } });
    if (message.image) files.push(await this.image(message.image.filename, message.image.content));
    const chunks = splitText(message.text, this.limits.maxTextLength);
    let ref: string | undefined;
    for (let i = 0; i < chunks.length; i++) {
      const last = i === chunks.length - 1;
      const attachments = [...(i === 0 ? files : []), ...(last && kb ? [kb] : [])];
      const sent = await this.api.sendMessageToUser(Number(chatId), chunks[i]!, { attachments: attachments.length ? attachments : undefined, disable_link_preview: true });
      ref = sent.body.mid;
    }
    return { ref };
  }

  protected mapError(error: unknown): unknown {
    return mapMaxError(error);
  }

  /** A picture: uploaded, then attached by the photos the upload answered with (or its token). */
  private async image(filename: string, content: Buffer): Promise<AttachmentRequest> {
    const answer = await this.uploadRaw("image", filename, "image/png", content);
    const photos = answer.photos as Record<string, { token: string }> | undefined;
    return { type: "image", payload: photos ? { photos } : { token: String(answer.token) } };
  }

  private async upload(type: "file", filename: string, mimeType: string, content: Buffer): Promise<string> {
    const answer = await this.uploadRaw(type, filename, mimeType, content);
    if (typeof answer.token !== "string") throw new MaxError(500, { code: "upload.no.token", message: "the upload answered without a token" });
    return answer.token;
  }

  /**
   * POST /uploads gives a URL for one file; the file goes there as multipart form data under its
   * own name (the library's buffer upload would name it with a random UUID, and a workbook
   * should arrive as "export.xlsx"). A file's token may come with the URL or after the upload.
   */
  private async uploadRaw(type: "file" | "image", filename: string, mimeType: string, content: Buffer): Promise<Record<string, unknown>> {
    const { url, token } = await this.api.raw.uploads.getUploadUrl({ type });
    const form = new FormData();
    form.append("data", new Blob([content], { type: mimeType }), filename);
    const response = await fetch(url, { method: "POST", body: form });
    const text = await response.text();
    if (!response.ok) throw new MaxError(response.status, { code: "upload.failed", message: text.slice(0, 200) });
    let answer: Record<string, unknown> = {};
    try {
      answer = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Some uploads answer with no JSON; the token given with the URL is the file's.
    }
    return token && answer.token === undefined ? { ...answer, token } : answer;
  }
}

export function mapMaxError(error: unknown): unknown {
  if (error instanceof MaxError) {
    if (error.status === 429 || error.code === "too.many.requests") return new RateLimitedError(1000);
    if (error.status === 403 || UNREACHABLE_CODES.has(error.code)) return new RecipientUnreachableError(`max error ${error.status} ${error.code}`);
  }
  return error;
}
