import type { MentorshipData } from "../../../src/domain/indicators/index.js";
import { data, participant } from "../indicators/fixture.js";

/** The fixture plus a second «ученик – ученик» programme at A where s2 is a mentee again. */
export const formsData: MentorshipData = {
  ...data,
  programmes: [
    ...data.programmes,
    {
      id: "P7", organisationId: "A", form: "pupil_pupil", name: "Программа «Лидер»",
      statedResult: "Наставляемый принимает участие в творческих конкурсах", approvedPersonalisedProgrammes: false,
    },
  ],
  participants: [
    ...data.participants,
    participant("s7", "P7", "mentor", "pupil", 17, true),
    participant("s2", "P7", "mentee", "pupil", 12, true),
    participant("s8", "P7", "mentee", "pupil", 12, false),
  ],
};
