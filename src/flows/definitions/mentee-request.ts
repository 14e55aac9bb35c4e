import {
  COURSES,
  EDUCATIONAL_LEARNER,
  EDUCATIONAL_TEACHER,
  GRADES,
  INTERESTS,
  PROFESSIONAL_LEARNER,
  PROFESSIONAL_TEACHER,
  SOCIAL,
} from "../../domain/vocabulary.js";
import type { AppFlow } from "../registry.js";
import { meetingPreferenceSteps, menteesAre, options, param, requirePerson, saveResponse, thanks } from "./common.js";
import { hasRepresentative, recordRepresentative, representativeSteps, withoutRepresentative } from "./representative.js";

const ADULT_AGE = 18;

/**
 * The mentee's request: who they are (a pupil's age and grade, a student's college and
 * course, a teacher's position and experience), goals, what help is wanted, deficits by kind
 * (004: educational, social, professional), interests, the mentor they would like, and when
 * and how to meet. An age under 18 from someone without a legal representative's consent
 * brings that consent first: nothing more of the request is asked or kept before it.
 */
export const menteeRequest: AppFlow = {
  id: "mentee-request",
  version: 1,
  title: "mr-title",
  summary: true,
  steps: [
    { id: "intro", type: "info", prompt: "mr-intro" },
    { id: "age", type: "number", prompt: "mr-age", min: 10, max: 19, when: menteesAre("pupil") },
    ...representativeSteps({ name: "mr-representative-name", consent: "mr-representative-consent", declined: "mr-representative-declined" }, (_, c) => c.params.needsRepresentative === true),
    { id: "grade", type: "choice", prompt: "mr-grade", options: options(GRADES), when: menteesAre("pupil") },
    { id: "college", type: "text", prompt: "mr-college", minLength: 2, maxLength: 200, when: menteesAre("student") },
    { id: "speciality", type: "text", prompt: "mr-speciality", minLength: 2, maxLength: 200, when: menteesAre("student") },
    { id: "course", type: "choice", prompt: "mr-course", options: options(COURSES), when: menteesAre("student") },
    { id: "position", type: "text", prompt: "mr-position", hint: "mr-position-hint", minLength: 2, maxLength: 200, when: menteesAre("teacher") },
    { id: "experienceYears", type: "number", prompt: "mr-experience-years", min: 0, max: 60, when: menteesAre("teacher") },
    { id: "goals", type: "text", prompt: "mr-goals", minLength: 3, maxLength: 1000 },
    { id: "helpWanted", type: "text", prompt: "mr-help-wanted", minLength: 3, maxLength: 1000 },
    { id: "deficitsEducational", type: "multi", prompt: "mr-deficits-educational", options: options(EDUCATIONAL_LEARNER), optional: true, when: menteesAre("pupil", "student") },
    { id: "deficitsEducationalTeacher", type: "multi", prompt: "mr-deficits-educational", options: options(EDUCATIONAL_TEACHER), optional: true, when: menteesAre("teacher") },
    { id: "deficitsSocial", type: "multi", prompt: "mr-deficits-social", options: options(SOCIAL), optional: true },
    { id: "deficitsProfessional", type: "multi", prompt: "mr-deficits-professional", options: options(PROFESSIONAL_LEARNER), optional: true, when: menteesAre("pupil", "student") },
    { id: "deficitsProfessionalTeacher", type: "multi", prompt: "mr-deficits-professional", options: options(PROFESSIONAL_TEACHER), optional: true, when: menteesAre("teacher") },
    { id: "interests", type: "multi", prompt: "mr-interests", options: options(INTERESTS) },
    { id: "hobbies", type: "text", prompt: "mr-hobbies", maxLength: 500, optional: true },
    { id: "mentorProfile", type: "text", prompt: "mr-mentor-profile", maxLength: 1000, optional: true },
    ...meetingPreferenceSteps("mr"),
  ],
  onAnswer: {
    // Minority follows from the age given here too, whatever was answered when joining.
    age: async ({ ctx, services, value }) => {
      const personId = requirePerson(ctx);
      const minor = typeof value === "number" && value < ADULT_AGE;
      await services.people.setMinor(personId, minor);
      return { params: { needsRepresentative: minor && !(await hasRepresentative(services, personId)) } };
    },
    representativeConsent: async ({ ctx, services, answers }) => {
      await recordRepresentative(services, ctx, requirePerson(ctx), answers);
      return { params: { needsRepresentative: false } };
    },
  },
  async complete({ answers, ctx, services }) {
    const { created } = await saveResponse(menteeRequest, withoutRepresentative(answers), ctx, services);
    if (created) await services.questionnaires.submitted({ programmeId: param(ctx, "programmeId"), personId: requirePerson(ctx), role: "mentee" });
    return thanks(created ? "mr-done" : "form-updated");
  },
};
