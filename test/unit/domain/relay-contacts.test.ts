import { describe, expect, it } from "vitest";
import { hasContacts, stripContacts } from "../../../src/domain/relay/contacts.js";

/** What a mentor and a minor mentee write to each other through the bot never carries a way to reach them elsewhere. */

const strip = (text: string) => stripContacts(text, "•••");

describe("stripContacts", () => {
  it("takes out phone numbers as people write them", () => {
    for (const phone of ["+7 912 345-67-89", "89123456789", "8 (912) 345 67 89", "+7(912)3456789", "912-345-67-89"]) {
      const r = strip(`Позвони мне ${phone}, пожалуйста`);
      expect(r.text, phone).toBe("Позвони мне •••, пожалуйста");
      expect(r.removed, phone).toEqual(["phone"]);
    }
  });

  it("takes out e-mail addresses, @usernames and links to messengers and social networks", () => {
    expect(strip("пиши на masha.ivanova@mail.ru вечером")).toEqual({ text: "пиши на ••• вечером", removed: ["email"] });
    expect(strip("мой ник @masha_2011 в телеге")).toEqual({ text: "мой ник ••• в телеге", removed: ["username"] });
    for (const link of ["https://t.me/masha_2011", "t.me/masha_2011", "vk.com/id12345", "https://m.vk.com/masha", "max.ru/masha", "https://wa.me/79123456789", "instagram.com/masha", "tg://user?id=123456", "https://chat.whatsapp.com/AbCd"]) {
      const r = strip(`вот ${link} добавляйся`);
      expect(r.text, link).toBe("вот ••• добавляйся");
      expect(r.removed, link).toEqual(["link"]);
    }
  });

  it("names each kind once, however many there were", () => {
    const r = strip("+7 912 345 67 89 или 8 912 000 11 22, а ещё @masha_2011 и masha@mail.ru");
    expect(r.removed).toEqual(["email", "username", "phone"]);
    expect(r.text).toBe("••• или •••, а ещё ••• и •••");
  });

  it("leaves ordinary text alone: dates, times, short numbers, school classes, the sign @ alone, other sites", () => {
    for (const text of ["Встретимся 12.12.2026 в 15:30 в кабинете 214", "Задача № 17 из 7 «Б» класса, стр. 123", "Олимпиада 2026 года, 40 задач", "я @ дома", "читай на https://ru.wikipedia.org/wiki/Затмение", "Ответ: 3,14159"]) {
      expect(strip(text), text).toEqual({ text, removed: [] });
      expect(hasContacts(text), text).toBe(false);
    }
  });

  it("hasContacts says whether there is any", () => {
    expect(hasContacts("звони 89123456789")).toBe(true);
    expect(hasContacts("до встречи в среду")).toBe(false);
  });
});
