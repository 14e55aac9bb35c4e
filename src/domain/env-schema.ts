import { z } from "zod";

/** The building blocks of the environment's schema (src/config.ts and each messenger's section). Pure. */

/** A blank value of a copied .env counts as absent. */
export const blankAsAbsent = (v: unknown): unknown => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

export const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine((v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`);

export const optionalUrl = (protocols: string[]) => z.preprocess(blankAsAbsent, url(protocols).optional());

export const secretToken = z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16–256 characters of A–Z, a–z, 0–9, _ and -");
