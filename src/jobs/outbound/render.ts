import { attach, commandPayload, truncateLabel, type Button, type OutgoingMessage, type PlatformLimits } from "../../domain/messaging.js";
import { textOf, type Translate } from "../../i18n/index.js";
import type { DeliveryRow } from "../../store/notifications.js";

/**
 * The message of one delivery in the recipient's language: one notification as it is, several
 * under a heading, buttons merged within the platform's limits, pictures after the text.
 */
export function renderDelivery(rows: readonly Pick<DeliveryRow, "payload">[], t: Translate, limits: PlatformLimits): OutgoingMessage[] {
  const texts = rows.map((r) => r.payload.parts.map((p) => textOf(p, t)).join("\n\n"));
  const merge = rows[0]?.payload.merge;
  const text = rows.length > 1 ? [t(`lc-merged-${merge ?? "other"}`, { count: rows.length }), ...texts.map((x) => `• ${x}`)].join("\n\n") : (texts[0] ?? "");
  const messages = attach(text, mergeButtons(rows, t, limits), limits);
  // Pictures go after the text, each with its caption (a digest's chart).
  for (const r of rows) {
    const image = r.payload.image;
    if (image) messages.push({ text: textOf(image.caption, t), image: { filename: image.filename, content: Buffer.from(image.base64, "base64") } });
  }
  return messages;
}

/** The rows' buttons, each command once, within the platform's limits of rows, buttons per row, buttons and label length. */
function mergeButtons(rows: readonly Pick<DeliveryRow, "payload">[], t: Translate, limits: PlatformLimits): Button[][] {
  const seen = new Set<string>();
  const buttons: Button[][] = [];
  let count = 0;
  for (const r of rows) {
    for (const row of r.payload.buttons ?? []) {
      const out: Button[] = [];
      for (const b of row) {
        const payload = commandPayload(b.command, b.args ?? "");
        if (seen.has(payload) || count >= limits.maxButtons || out.length >= limits.maxButtonsPerRow) continue;
        seen.add(payload);
        out.push({ label: truncateLabel(textOf(b.label, t), limits.maxLabelLength), payload });
        count++;
      }
      if (out.length && buttons.length < limits.maxButtonRows) buttons.push(out);
    }
  }
  return buttons;
}
