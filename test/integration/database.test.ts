import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/db.js";

describe("test database", () => {
  it("is cloned from the migrated template", async () => {
    const t = await createTestDatabase();
    try {
      const org = await t.db.prisma.organisation.create({ data: { name: "Школа №1", timezone: "Asia/Omsk", createdAt: new Date() } });
      expect(await t.db.prisma.organisation.count()).toBe(1);
      expect(org.timezone).toBe("Asia/Omsk");
    } finally {
      await t.drop();
    }
  });
});
