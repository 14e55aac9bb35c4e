import { describe, expect, it } from "vitest";
import { applicableSteps, isQuestion } from "../../src/flows/engine.js";
import { ARCHIVE, CYCLE_FORMS, definitionFor } from "../../src/flows/definitions/catalog.js";
import { renderAnswers } from "../../src/flows/definitions/render-answers.js";
import { mentorQuestionnaire } from "../../src/flows/definitions/mentor-questionnaire.js";
import { menteeRequest } from "../../src/flows/definitions/mentee-request.js";
import { createFlowRegistry } from "../../src/flows/index.js";
import type { FlowContext } from "../../src/flows/types.js";
import { I18n } from "../../src/i18n/index.js";
import { MENTORSHIP_FORMS, type MentorshipForm } from "../../src/domain/roles.js";
import { ALL_VOCABULARIES, DAYS, DAY_PARTS, experienceBand, menteeAudience, mentorAudience, slotsOf } from "../../src/domain/vocabulary.js";
import { matchingProfile } from "../../src/domain/form-profile.js";
import { SCORE_ITEMS, satisfactionScores } from "../../src/domain/form-scores.js";
import { parseTicket, ticketText } from "../../src/store/form-tickets.js";

const i18n = new I18n();
const ctxOf = (form: MentorshipForm, role?: string): FlowContext => ({ lang: "ru", chat: { platform: "telegram", chatId: "1", userId: "1" }, params: { form, ...(role ? { role } : {}) } });
const questionIds = (def: typeof mentorQuestionnaire, form: MentorshipForm, role?: string) => applicableSteps(def, {}, ctxOf(form, role)).filter(isQuestion).map((s) => s.id);

describe("forms of the programme cycle as data", () => {
  it("every form is registered, versioned, with unique step ids and a summary", () => {
    const registry = createFlowRegistry();
    for (const f of CYCLE_FORMS) {
      expect(registry.get(f.id)).toBe(f);
      expect(f.version).toBeGreaterThanOrEqual(1);
      expect(f.summary).toBe(true);
      expect(new Set(f.steps.map((s) => s.id)).size).toBe(f.steps.length);
    }
    expect(new Set(CYCLE_FORMS.map((f) => f.id)).size).toBe(CYCLE_FORMS.length);
    for (const a of ARCHIVE) expect(CYCLE_FORMS.find((f) => f.id === a.id)!.version).toBeGreaterThan(a.version);
  });

  it("question prompts have no variables, so stored answers read well without the context they were asked in", () => {
    for (const f of CYCLE_FORMS) for (const s of f.steps) for (const lang of ["ru", "en"] as const) expect(i18n.t(lang, s.prompt), `${f.id}.${s.id}`).not.toMatch(/\{\s*\$/);
  });

  it.each(MENTORSHIP_FORMS.map((f) => [f]))("«%s»: the mentor is asked about themselves as fits the form, and about the mentees the form has", (form) => {
    const mentor = questionIds(mentorQuestionnaire, form);
    const about = { pupil: ["grade"], student: ["college", "speciality", "course"], teacher: ["position"], lecturer: ["position", "workplace"], specialist: ["position", "workplace"] }[mentorAudience(form)];
    for (const id of about) expect(mentor).toContain(id);
    for (const id of ["grade", "college", "position", "workplace"].filter((x) => !about.includes(x))) expect(mentor).not.toContain(id);
    const preferred = { pupil: "preferredGrades", student: "preferredCourses", teacher: "preferredExperience" }[menteeAudience(form)];
    expect(mentor.filter((id) => id.startsWith("preferred"))).toEqual([preferred]);
    expect(mentor.filter((id) => id.startsWith("help"))).toHaveLength(3);
    for (const id of ["experience", "motivation", "intentions", "interests", "menteePreferences", "capacity", "days", "times", "frequency", "formats"]) expect(mentor).toContain(id);

    const mentee = questionIds(menteeRequest, form);
    const own = { pupil: ["age", "grade"], student: ["college", "course"], teacher: ["position", "experienceYears"] }[menteeAudience(form)];
    for (const id of own) expect(mentee).toContain(id);
    expect(mentee.filter((id) => id.startsWith("deficits"))).toHaveLength(3);
  });

  it("the mutual choice asks each side about the other side", () => {
    const mc = definitionFor("mutual-choice", 1)!.def;
    expect(applicableSteps(mc, {}, ctxOf("pupil_pupil", "mentee")).filter(isQuestion).map((s) => s.id)).toEqual(["menteeWorkWith", "menteeCanHelp"]);
    expect(applicableSteps(mc, {}, ctxOf("pupil_pupil", "mentor")).filter(isQuestion).map((s) => s.id)).toEqual(["mentorWorkWith", "mentorCanHelp"]);
  });

  it("answers of a version that is not kept are read with the current questions; unknown ones are still shown", () => {
    const found = definitionFor("mentee-request", 0)!;
    expect(found).toMatchObject({ exact: false, def: menteeRequest });
    const text = renderAnswers(found.def, { age: 12, grade: "6", interests: ["sport", "music"], days: ["mon"], oldQuestion: "старый ответ" }, i18n.translator("ru"), { params: { form: "pupil_pupil" } });
    expect(text).toContain("Сколько вам лет?\n  12");
    expect(text).toContain("Спорт, Музыка");
    expect(text).toContain("Ответы на вопросы прежней версии анкеты:\n• oldQuestion: старый ответ");
    expect(definitionFor("no-such-form", 1)).toBeUndefined();
  });

  it("the matching profile reads the codes the forms store", () => {
    const ids = new Set([...mentorQuestionnaire.steps, ...menteeRequest.steps].map((s) => s.id));
    for (const id of ["interests", "days", "times", "formats", "frequency", "helpEducational", "helpEducationalTeacher", "helpSocial", "helpProfessional", "helpProfessionalTeacher", "preferredGrades", "preferredCourses", "preferredExperience", "capacity", "deficitsEducational", "deficitsEducationalTeacher", "deficitsSocial", "deficitsProfessional", "deficitsProfessionalTeacher", "grade", "course", "experienceYears"]) {
      expect(ids.has(id), id).toBe(true);
    }
    expect(matchingProfile("mentee-request", { experienceYears: 2, deficitsProfessionalTeacher: ["assessment"], days: ["sun", "mon"], times: ["evening"], formats: "bad" })).toMatchObject({
      experience: ["1-3"],
      topics: { educational: [], social: [], professional: ["assessment"] },
      slots: ["mon-evening", "sun-evening"],
      formats: [],
    });
    expect(matchingProfile("meeting-feedback", {})).toBeNull();
  });
});

describe("vocabulary", () => {
  it("codes are unique within each list and fit in button payloads", () => {
    for (const list of ALL_VOCABULARIES) {
      expect(new Set(list.codes).size).toBe(list.codes.length);
      for (const c of list.codes) expect(c).toMatch(/^[a-z0-9_-]{1,24}$/);
    }
  });

  it("time slots are day × part of the day in calendar order; experience in bands", () => {
    expect(slotsOf(["wed", "mon", "nope"], ["evening", "morning"])).toEqual(["mon-morning", "mon-evening", "wed-morning", "wed-evening"]);
    expect(slotsOf([...DAYS.codes], [...DAY_PARTS.codes])).toHaveLength(21);
    expect([0, 1, 3, 4, 10, 11].map(experienceBand)).toEqual(["0-1", "1-3", "1-3", "3-10", "3-10", "10-plus"]);
  });

  it("every form of mentorship has mentors and mentees of a known kind", () => {
    for (const f of MENTORSHIP_FORMS) {
      expect(["pupil", "student", "teacher"]).toContain(menteeAudience(f));
      expect(["pupil", "student", "teacher", "lecturer", "specialist"]).toContain(mentorAudience(f));
    }
  });
});

describe("satisfaction scores", () => {
  it("name answers that exist in the forms, on the scales the forms ask", () => {
    for (const item of SCORE_ITEMS) {
      const step = definitionFor(item.formId, 1)!.def.steps.find((s) => s.id === item.stepId);
      expect(step, `${item.formId}.${item.stepId}`).toMatchObject({ type: "scale", min: item.min, max: item.max });
    }
  });

  it("take the overall score of the end-of-programme questionnaires and ignore skipped or malformed ones", () => {
    const base = { personId: "p", programmeId: "g" };
    expect(
      satisfactionScores([
        { ...base, formId: "satisfaction-mentee", answers: { overall: 4, mentor: 5 } },
        { ...base, formId: "satisfaction-mentor", answers: { overall: 9 } },
        { ...base, formId: "satisfaction-mentor", answers: { overall: null } },
        { ...base, formId: "pulse-survey", answers: { satisfaction: 5 } },
      ]),
    ).toEqual([{ ...base, role: "mentee", score: 4, min: 1, max: 5 }]);
  });
});

describe("form tickets", () => {
  it("parse what the buttons carry and nothing else", () => {
    const id = "cmi2abcdefghijklmnopqrstu";
    expect(parseTicket(`q.${id}.mentor`)).toEqual({ kind: "q", id, role: "mentor" });
    expect(parseTicket(`fb.${id}`)).toEqual({ kind: "fb", id, role: undefined });
    for (const bad of [`q.${id}`, `fb.${id}.mentor`, `xx.${id}`, "fb.short", `fb.${id}; drop`, "", `mc.${id.toUpperCase()}`]) expect(parseTicket(bad), bad).toBeNull();
    expect(ticketText(parseTicket(`mc.${id}`)!)).toBe(`mc.${id}`);
    expect(Buffer.byteLength(`c|form|q.${id}.mentee`)).toBeLessThanOrEqual(64);
  });
});
