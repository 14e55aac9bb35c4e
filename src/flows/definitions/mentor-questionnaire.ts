import {
  COURSES,
  EDUCATIONAL_LEARNER,
  EDUCATIONAL_TEACHER,
  EXPERIENCE_BANDS,
  GRADES,
  INTERESTS,
  MENTOR_GRADES,
  PROFESSIONAL_LEARNER,
  PROFESSIONAL_TEACHER,
  SOCIAL,
} from "../../domain/vocabulary.js";
import type { AppFlow } from "../registry.js";
import { meetingPreferenceSteps, menteesAre, mentorsAre, options, param, requirePerson, saveResponse, thanks } from "./common.js";

/**
 * The mentor's questionnaire (002 §7.1): about the candidate as fits the programme's form of
 * mentorship, experience, intentions and motivation, interests and hobbies, what they can
 * help with (the same codes as the mentees' deficits), preferences in choosing a mentee,
 * the mentee's grade/course/experience, how many mentees, days, times, frequency, format.
 */
export const mentorQuestionnaire: AppFlow = {
  id: "mentor-questionnaire",
  version: 1,
  title: "mq-title",
  summary: true,
  steps: [
    { id: "intro", type: "info", prompt: "mq-intro" },
    // About the candidate: what fits the form of mentorship.
    { id: "grade", type: "choice", prompt: "mq-grade", options: options(MENTOR_GRADES), when: mentorsAre("pupil") },
    { id: "college", type: "text", prompt: "mq-college", minLength: 2, maxLength: 200, when: mentorsAre("student") },
    { id: "speciality", type: "text", prompt: "mq-speciality", minLength: 2, maxLength: 200, when: mentorsAre("student") },
    { id: "course", type: "choice", prompt: "mq-course", options: options(COURSES), when: mentorsAre("student") },
    { id: "position", type: "text", prompt: "mq-position", hint: "mq-position-hint", minLength: 2, maxLength: 200, when: mentorsAre("teacher", "lecturer", "specialist") },
    { id: "workplace", type: "text", prompt: "mq-workplace", minLength: 2, maxLength: 200, when: mentorsAre("lecturer", "specialist") },
    // Experience, intentions, motivation.
    { id: "experience", type: "text", prompt: "mq-experience", minLength: 3, maxLength: 1000 },
    { id: "mentoredBefore", type: "yesno", prompt: "mq-mentored-before" },
    { id: "motivation", type: "text", prompt: "mq-motivation", minLength: 3, maxLength: 1000 },
    { id: "intentions", type: "text", prompt: "mq-intentions", minLength: 3, maxLength: 1000 },
    // Interests and hobbies.
    { id: "interests", type: "multi", prompt: "mq-interests", options: options(INTERESTS) },
    { id: "hobbies", type: "text", prompt: "mq-hobbies", maxLength: 500, optional: true },
    // What they can share, in the mentees' deficit codes.
    { id: "helpEducational", type: "multi", prompt: "mq-help-educational", options: options(EDUCATIONAL_LEARNER), optional: true, when: menteesAre("pupil", "student") },
    { id: "helpEducationalTeacher", type: "multi", prompt: "mq-help-educational", options: options(EDUCATIONAL_TEACHER), optional: true, when: menteesAre("teacher") },
    { id: "helpSocial", type: "multi", prompt: "mq-help-social", options: options(SOCIAL), optional: true },
    { id: "helpProfessional", type: "multi", prompt: "mq-help-professional", options: options(PROFESSIONAL_LEARNER), optional: true, when: menteesAre("pupil", "student") },
    { id: "helpProfessionalTeacher", type: "multi", prompt: "mq-help-professional", options: options(PROFESSIONAL_TEACHER), optional: true, when: menteesAre("teacher") },
    // Preferences in choosing a mentee.
    { id: "menteePreferences", type: "text", prompt: "mq-mentee-preferences", maxLength: 1000, optional: true },
    { id: "preferredGrades", type: "multi", prompt: "mq-preferred-grades", options: options(GRADES), optional: true, when: menteesAre("pupil") },
    { id: "preferredCourses", type: "multi", prompt: "mq-preferred-courses", options: options(COURSES), optional: true, when: menteesAre("student") },
    { id: "preferredExperience", type: "multi", prompt: "mq-preferred-experience", options: options(EXPERIENCE_BANDS), optional: true, when: menteesAre("teacher") },
    { id: "capacity", type: "number", prompt: "mq-capacity", hint: "mq-capacity-hint", min: 1, max: 10 },
    ...meetingPreferenceSteps("mq"),
  ],
  async complete({ answers, ctx, services }) {
    const { created } = await saveResponse(mentorQuestionnaire, answers, ctx, services);
    const capacity = typeof answers.capacity === "number" ? answers.capacity : null;
    if (capacity !== null) await services.participants.setCapacity(requirePerson(ctx), param(ctx, "programmeId"), "mentor", capacity);
    if (created) await services.questionnaires.submitted({ programmeId: param(ctx, "programmeId"), personId: requirePerson(ctx), role: "mentor" });
    return thanks(created ? "mq-done" : "form-updated");
  },
};
