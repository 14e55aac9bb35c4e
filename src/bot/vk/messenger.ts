import { createHash, randomInt } from "node:crypto";
import { APIError, Keyboard, type VK } from "vk-io";
import { MessengerBase } from "../core/messenger.js";
import { RateLimitedError, RecipientUnreachableError, type Button, type OutgoingMessage, type SendOptions, type SentMessage } from "../core/types.js";
import { vkProfile } from "./profile.js";

export { VK_LIMITS } from "./profile.js";

/** VK error codes: 6 too many requests, 9 flood control, 7/901/902 the person does not accept messages. */
const UNREACHABLE = new Set([7, 900, 901, 902]);

/** Where an "open the app" button leads on VK: the community's VK Mini App, when it has one (else a link to the address). */
export interface VkAppTarget {
  appId: number;
  groupId: number;
}

function keyboard(rows: Button[][] | undefined, app?: VkAppTarget): string | undefined {
  if (!rows?.length) return undefined;
  const builder = Keyboard.builder().inline();
  rows.forEach((row, i) => {
    if (i > 0) builder.row();
    for (const b of row) {
      if (!b.app) builder.callbackButton({ label: b.label, payload: { p: b.payload } });
      else if (app) builder.applicationButton({ label: b.label, appId: app.appId, ownerId: app.groupId });
      else builder.urlButton({ label: b.label, url: b.app.url });
    }
  });
  return builder.toString();
}

/** A positive 31-bit random_id derived from the message key: VK drops a second send with the same one. */
export function randomIdFor(key: string | undefined): number {
  if (!key) return randomInt(1, 2 ** 31 - 1);
  return (createHash("sha256").update(key).digest().readUInt32BE(0) & 0x7fffffff) || 1;
}

export class VkMessenger extends MessengerBase {
  constructor(
    private readonly vk: VK,
    private readonly app?: VkAppTarget,
  ) {
    super(vkProfile);
  }

  protected async edit(chatId: string, ref: string, message: OutgoingMessage): Promise<void> {
    await this.vk.api.messages.edit({
      peer_id: Number(chatId),
      conversation_message_id: Number(ref),
      message: message.text,
      keyboard: keyboard(message.buttons, this.app) ?? JSON.stringify({ inline: true, buttons: [] }),
    });
  }

  protected async sendNew(chatId: string, message: OutgoingMessage, options?: SendOptions): Promise<SentMessage> {
    let attachment: string | undefined;
    if (message.document) {
      const doc = await this.vk.upload.messageDocument({
        peer_id: Number(chatId),
        source: { value: message.document.content, filename: message.document.filename, contentType: message.document.mimeType },
      });
      attachment = doc.toString();
    }
    if (message.image) {
      const photo = await this.vk.upload.messagePhoto({
        peer_id: Number(chatId),
        source: { value: message.image.content, filename: message.image.filename, contentType: "image/png" },
      });
      attachment = attachment ? `${attachment},${photo.toString()}` : photo.toString();
    }
    const id = await this.vk.api.messages.send({
      peer_id: Number(chatId),
      message: message.text,
      random_id: randomIdFor(options?.idempotencyKey),
      keyboard: keyboard(message.buttons, this.app),
      attachment,
      dont_parse_links: 1,
    });
    return { ref: String(id) };
  }

  protected mapError(error: unknown): unknown {
    return mapVkError(error);
  }
}

export function mapVkError(error: unknown): unknown {
  if (error instanceof APIError) {
    const code = Number(error.code);
    if (UNREACHABLE.has(code)) return new RecipientUnreachableError(`vk error ${code}`);
    if (code === 6 || code === 9) return new RateLimitedError(1000);
    // 1: unknown error, 10: internal server error — VK's own failures, worth another try.
    if (code === 1 || code === 10) return Object.assign(error, { status: 500 });
  }
  return error;
}
