import pg from "pg";

/**
 * A region written straight into a migrated database with set-based SQL (`INSERT … SELECT
 * generate_series`), for the region benchmark: organisations over Russia's eleven time zones,
 * each with an active programme of the school year (some ending soon, some over yesterday and
 * still active) and every third with one that ended this winter; curators, mentors and mentees
 * with messenger accounts on Telegram, VK and MAX and their consents (minors with their legal
 * representative's), questionnaires, pairs at every stage (suggested by a matching run,
 * confirmed, working, completed, ended early), past meetings with feedback, meetings to come,
 * meetings just passed and not yet marked, monthly and final reports, satisfaction surveys,
 * the outbox's history and its pending rows, and a regional administrator.
 *
 * Dates are relative to `now` (the benchmark's clock); everything is stored as the code stores
 * it: timestamps in UTC, programme dates as dates, settings as `{"lifecycle": …}` JSON.
 */

export const REGION = "Бенчмарк-край";

export const ZONES = [
  "Europe/Kaliningrad",
  "Europe/Moscow",
  "Europe/Samara",
  "Asia/Yekaterinburg",
  "Asia/Omsk",
  "Asia/Krasnoyarsk",
  "Asia/Irkutsk",
  "Asia/Yakutsk",
  "Asia/Vladivostok",
  "Asia/Magadan",
  "Asia/Kamchatka",
] as const;

export interface SeedCounts {
  organisations: number;
  programmes: number;
  people: number;
  pairs: number;
  meetings: number;
  formResponses: number;
  notifications: number;
}

/** Pair statuses of an active programme's pairs by (i · 7919) mod 100. */
const ACTIVE_STATUS = `CASE
  WHEN h < 15 THEN 'acquaintance' WHEN h < 25 THEN 'trial' WHEN h < 35 THEN 'planning'
  WHEN h < 75 THEN 'regular' WHEN h < 80 THEN 'final' WHEN h < 92 THEN 'completed' ELSE 'ended_early' END`;

/** The statements, in order; the first takes `$1`, the number of pairs, and `$2`, the clock's now (UTC), into a table the others read. */
function statements(): string[] {
  const now = `$2::timestamp`;
  return [
    // Parameters every statement reads: pairs, organisations, unmatched mentees, free mentors.
    `CREATE TEMP TABLE bench_k AS SELECT $1::int AS n, greatest(11, ceil($1::int / 100.0))::int AS orgs, ceil($1::int / 20.0)::int AS unmatched, ceil($1::int / 50.0)::int AS free, ${now} AS now`,

    `INSERT INTO "Organisation"(id, name, kind, region, district, timezone, "headName", "headContacts", "childrenAged10to19", "teachersCount", "youngSpecialistsCount", messengers, "createdAt")
     SELECT 'o' || o, 'МБОУ «СОШ № ' || o || '»', (CASE WHEN o % 17 = 0 THEN 'professional' WHEN o % 13 = 0 THEN 'additional' ELSE 'general' END)::"OrganisationKind",
       '${REGION}', 'Район ' || ((o - 1) / 10 + 1), (ARRAY[${ZONES.map((z) => `'${z}'`).join(",")}])[(o - 1) % 11 + 1],
       'Директор ' || o, '+7 900 000-' || lpad((o % 10000)::text, 4, '0'), 300 + o % 500, 40 + o % 60, 3 + o % 10,
       (CASE WHEN o % 10 = 0 THEN ARRAY['vk', 'max'] ELSE ARRAY[]::text[] END)::"Platform"[], (SELECT now FROM bench_k) - interval '400 days'
     FROM generate_series(1, (SELECT orgs FROM bench_k)) o`,

    // The school year's programme of each organisation; every 25th ended yesterday (its pairs end as planned), every 7th ends in eleven days.
    `INSERT INTO "Programme"(id, "organisationId", name, form, "startsOn", "endsOn", "statedResult", status, settings, "createdAt")
     SELECT 'ga' || o, 'o' || o, 'Наставничество ' || o, (CASE o % 4 WHEN 1 THEN 'teacher_teacher' WHEN 2 THEN 'student_pupil' ELSE 'pupil_pupil' END)::"MentorshipForm",
       DATE '2026-09-01',
       CASE WHEN o % 25 = 0 THEN ((SELECT now FROM bench_k) - interval '1 day')::date WHEN o % 7 = 0 THEN ((SELECT now FROM bench_k) + interval '11 days')::date ELSE DATE '2027-05-31' END,
       'Рост учебных результатов', 'active',
       (CASE WHEN o % 5 = 0 THEN '{"lifecycle":{"reminderHoursBefore":[48,2],"silentPairDays":28}}' ELSE '{}' END)::jsonb, TIMESTAMP '2026-08-20 06:00'
     FROM generate_series(1, (SELECT orgs FROM bench_k)) o`,
    `INSERT INTO "Programme"(id, "organisationId", name, form, "startsOn", "endsOn", status, settings, "createdAt")
     SELECT 'ge' || o, 'o' || o, 'Осенний модуль ' || o, 'pupil_pupil', DATE '2026-09-01', DATE '2026-12-25' + (o % 60), 'finished', '{}', TIMESTAMP '2026-08-20 06:00'
     FROM generate_series(3, (SELECT orgs FROM bench_k), 3) o`,

    // The pairs' plan: organisation, programme, status and dates of pair i.
    `CREATE TEMP TABLE bench_p AS
     SELECT i, o, ended, status, confirmed, CASE WHEN status IN ('completed', 'ended_early') THEN least(ended_at, now - interval '1 day') END AS ended_at,
       CASE status WHEN 'acquaintance' THEN 0 WHEN 'trial' THEN 1 WHEN 'planning' THEN 2 WHEN 'regular' THEN 3 + i % 5 WHEN 'final' THEN 4 + i % 4 WHEN 'completed' THEN 5 + i % 4 ELSE 1 + i % 3 END AS held
     FROM (
       SELECT i, o, ended, now, status,
         CASE WHEN ended THEN TIMESTAMP '2026-09-15 07:00' + (i % 30) * interval '1 day'
           ELSE now - (CASE status WHEN 'acquaintance' THEN 1 + i % 20 WHEN 'trial' THEN 15 + i % 25 WHEN 'planning' THEN 25 + i % 35 WHEN 'regular' THEN 40 + i % 140
                 WHEN 'final' THEN 120 + i % 70 WHEN 'completed' THEN 150 + i % 40 ELSE 30 + i % 150 END) * interval '1 day' - (i % 600) * interval '1 minute' END AS confirmed,
         CASE WHEN ended THEN (DATE '2026-12-25' + (o % 60))::timestamp + interval '12 hours' - (CASE WHEN status = 'ended_early' THEN 20 + i % 30 ELSE 0 END) * interval '1 day'
           ELSE now - (1 + i % 100) * interval '1 day' - (i % 300) * interval '1 minute' END AS ended_at
       FROM (
         SELECT i, o, ended, k.now, CASE WHEN ended THEN CASE WHEN h < 80 THEN 'completed' ELSE 'ended_early' END ELSE ${ACTIVE_STATUS} END AS status
         FROM bench_k k, generate_series(1, k.n) i,
           LATERAL (SELECT (i - 1) % k.orgs + 1 AS o, (i::bigint * 7919) % 100 AS h) x,
           LATERAL (SELECT o % 3 = 0 AND ((i - 1) / k.orgs) % 7 = 0 AS ended) y
       ) s
     ) t`,
    `ALTER TABLE bench_p ADD PRIMARY KEY (i)`,

    // People: the mentor and mentee of each pair (pm/pe), unmatched mentees (pu), mentors without a pair (pf), two curators per organisation (pc), the administrator.
    `CREATE TEMP TABLE bench_people AS
       SELECT 'pm' || i AS id, 'Наставник ' || i AS name, false AS minor, now - interval '200 days' AS at FROM bench_p, bench_k
       UNION ALL SELECT 'pe' || i, 'Наставляемый ' || i, (o % 4 <> 1 AND i % 10 < 7), now - interval '200 days' FROM bench_p, bench_k
       UNION ALL SELECT 'pu' || u, 'Ожидающий ' || u, u % 10 < 7, now - interval '40 days' FROM bench_k, generate_series(1, unmatched) u
       UNION ALL SELECT 'pf' || f, 'Свободный наставник ' || f, false, now - interval '60 days' FROM bench_k, generate_series(1, free) f
       UNION ALL SELECT 'pc' || o || '_' || c, 'Куратор ' || o || '.' || c, false, now - interval '300 days' FROM bench_k, generate_series(1, orgs) o, generate_series(1, 2) c
       UNION ALL SELECT 'padmin', 'Администратор РНЦ', false, now - interval '300 days' FROM bench_k`,
    `INSERT INTO "Person"(id, language, "displayName", "isMinor", "createdAt") SELECT id, 'ru', name, minor, at FROM bench_people`,
    `INSERT INTO "MessengerIdentity"(id, "personId", platform, "externalId", "chatId", username, "createdAt")
     SELECT 'mi' || r, id, (ARRAY['telegram', 'vk', 'max'])[r % 3 + 1]::"Platform", (10000000 + r)::text, (10000000 + r)::text, CASE WHEN r % 3 = 0 THEN 'user' || r END, at
     FROM (SELECT row_number() OVER () AS r, * FROM bench_people) x`,
    // Every tenth person is on a second messenger too.
    `INSERT INTO "MessengerIdentity"(id, "personId", platform, "externalId", "chatId", "createdAt")
     SELECT 'mj' || r, id, (ARRAY['telegram', 'vk', 'max'])[(r + 1) % 3 + 1]::"Platform", (600000000 + r)::text, (600000000 + r)::text, at
     FROM (SELECT row_number() OVER () AS r, * FROM bench_people) x WHERE r % 10 = 0`,
    `INSERT INTO "Consent"(id, "personId", kind, version, "givenAt") SELECT 'cs' || id, id, 'personal_data', '2026-11', at FROM bench_people`,
    `INSERT INTO "Consent"(id, "personId", kind, version, "representativeName", "givenAt") SELECT 'cr' || id, id, 'legal_representative', '2026-11', 'Родитель ' || name, at FROM bench_people WHERE minor`,
    `INSERT INTO "Administrator"(id, "personId", scope, region, timezone, "digestWeekday", "digestHour", "createdAt")
     SELECT 'adm', 'padmin', 'region', '${REGION}', 'Europe/Moscow', 4, 9, now - interval '300 days' FROM bench_k`,

    // Participations.
    `INSERT INTO "Participation"(id, "personId", "programmeId", role, status, capacity, "completedCycleAt", "joinedAt")
     SELECT 'am' || i, 'pm' || i, CASE WHEN ended THEN 'ge' ELSE 'ga' END || o, 'mentor',
       (CASE status WHEN 'completed' THEN 'completed' WHEN 'ended_early' THEN 'approved' ELSE 'active' END)::"ParticipationStatus", 1,
       CASE WHEN status = 'completed' THEN ended_at END, confirmed - interval '10 days'
     FROM bench_p`,
    `INSERT INTO "Participation"(id, "personId", "programmeId", role, status, "completedCycleAt", "joinedAt")
     SELECT 'ae' || i, 'pe' || i, CASE WHEN ended THEN 'ge' ELSE 'ga' END || o, 'mentee',
       (CASE status WHEN 'completed' THEN 'completed' WHEN 'ended_early' THEN 'left' ELSE 'active' END)::"ParticipationStatus",
       CASE WHEN status = 'completed' THEN ended_at END, confirmed - interval '12 days'
     FROM bench_p`,
    `INSERT INTO "Participation"(id, "personId", "programmeId", role, status, "joinedAt")
     SELECT 'au' || u, 'pu' || u, 'ga' || ((u - 1) % orgs + 1), 'mentee', 'joined', now - (3 + u % 40) * interval '1 day' FROM bench_k, generate_series(1, unmatched) u`,
    `INSERT INTO "Participation"(id, "personId", "programmeId", role, status, capacity, "joinedAt")
     SELECT 'af' || f, 'pf' || f, 'ga' || ((f - 1) % orgs + 1), 'mentor', 'approved', 1, now - (10 + f % 40) * interval '1 day' FROM bench_k, generate_series(1, free) f`,
    `INSERT INTO "Participation"(id, "personId", "programmeId", role, status, "joinedAt")
     SELECT 'ac' || g.id || '_' || c, 'pc' || substr(g."organisationId", 2) || '_' || c, g.id, 'curator', 'active', now - interval '300 days'
     FROM "Programme" g, bench_k, generate_series(1, 2) c`,

    // Questionnaires of every mentor and mentee.
    `INSERT INTO "FormResponse"(id, "personId", "programmeId", "formId", "formVersion", answers, status, "submittedAt", "createdAt", "updatedAt")
     SELECT 'fq' || a.id, a."personId", a."programmeId", CASE a.role WHEN 'mentor' THEN 'mentor-questionnaire' ELSE 'mentee-request' END, 1,
       CASE a.role WHEN 'mentor' THEN jsonb_build_object('grade', (9 + n % 3)::text, 'experience', 'Победитель олимпиады', 'capacity', 1, 'competencies', jsonb_build_array('math', 'speaking'))
         ELSE jsonb_build_object('age', 11 + n % 7, 'grade', (5 + n % 6)::text, 'goals', 'Подготовиться к олимпиаде', 'helpWanted', 'Разбор задач', 'deficits', jsonb_build_array('math')) END,
       'submitted', a."joinedAt" + interval '1 day', a."joinedAt", a."joinedAt" + interval '1 day'
     FROM (SELECT *, row_number() OVER () AS n FROM "Participation" WHERE role IN ('mentor', 'mentee')) a`,

    // Pairs and their members.
    `INSERT INTO "Pair"(id, "programmeId", "mentorId", status, probation, "confirmedAt", "endedAt", "endReason", "lastActivityAt")
     SELECT 'pr' || i, CASE WHEN ended THEN 'ge' ELSE 'ga' END || o, 'am' || i, status::"PairStatus", i % 23 = 0, confirmed, ended_at,
       (CASE status WHEN 'completed' THEN 'planned' WHEN 'ended_early' THEN (ARRAY['moved', 'illness', 'no_time', 'conflict', 'other'])[i % 5 + 1] END)::"EndReason",
       coalesce(ended_at, confirmed + held * interval '7 days')
     FROM bench_p`,
    `INSERT INTO "PairMember"("pairId", "menteeId", "joinedAt", "leftAt") SELECT 'pr' || i, 'ae' || i, confirmed, CASE WHEN status = 'ended_early' THEN ended_at END FROM bench_p`,

    // Meetings: those held (with both sides' answer), one to come for two pairs in three, one just passed and not marked for every fifth, a cancelled one for every ninth.
    `CREATE TEMP TABLE bench_m AS
     SELECT 'mt' || i || '_' || j AS id, 'pr' || i AS pair, i, j, p.o, p.ended,
       confirmed + (coalesce(ended_at, now - interval '2 days') - confirmed) * j / (held + 1) AS starts,
       (CASE WHEN j = 1 THEN 'acquaintance' WHEN j = 2 THEN 'trial' WHEN j = 3 THEN 'planning' WHEN j = held AND status = 'completed' THEN 'final' ELSE 'regular' END) AS stage,
       'held' AS status
     FROM bench_p p, bench_k, generate_series(1, p.held) j
     UNION ALL
     SELECT 'mf' || i, 'pr' || i, i, 0, p.o, p.ended, date_trunc('hour', now) + ((i::bigint * 37) % (10 * 96)) * interval '15 minutes' + interval '15 minutes', status,
       CASE WHEN i % 4 = 0 THEN 'proposed' ELSE 'confirmed' END
     FROM bench_p p, bench_k WHERE status NOT IN ('completed', 'ended_early') AND i % 3 <> 2
     UNION ALL
     SELECT 'mr' || i, 'pr' || i, i, 0, p.o, p.ended, now - ((i::bigint * 11) % (72 * 60)) * interval '1 minute' - interval '1 minute', status, 'confirmed'
     FROM bench_p p, bench_k WHERE status NOT IN ('completed', 'ended_early') AND i % 5 = 1
     UNION ALL
     SELECT 'mc' || i, 'pr' || i, i, 0, p.o, p.ended, confirmed + interval '3 days', 'acquaintance', 'cancelled' FROM bench_p p WHERE i % 9 = 0`,
    `INSERT INTO "Meeting"(id, "pairId", stage, "startsAt", place, status, "proposedById", revision, "confirmedAt", outcomes, "createdAt")
     SELECT id, pair, stage::"PairStatus", starts, CASE WHEN i % 2 = 0 THEN 'Кабинет ' || (100 + i % 300) END, status::"MeetingStatus", 'pm' || i, 1,
       CASE WHEN status <> 'proposed' THEN starts - interval '3 days' END,
       CASE WHEN status = 'held' THEN jsonb_build_object('pm' || i, 'held') ELSE '{}'::jsonb END, starts - interval '4 days'
     FROM bench_m`,
    // Feedback after held meetings: the mentor always, the mentee three times in four.
    `INSERT INTO "FormResponse"(id, "personId", "programmeId", "formId", "formVersion", "subjectKey", answers, status, "submittedAt", "createdAt", "updatedAt")
     SELECT 'fb' || s.who || m.id, s.who || m.i, CASE WHEN m.ended THEN 'ge' ELSE 'ga' END || m.o, 'meeting-feedback', 1, m.id,
       jsonb_build_object('happened', true, 'usefulness', 1 + (m.i + m.j) % 5, 'done', 'Разобрали задачи', 'next', 'Новая тема'),
       'submitted', m.starts + interval '5 hours', m.starts + interval '3 hours', m.starts + interval '5 hours'
     FROM bench_m m, (VALUES ('pm'), ('pe')) s(who) WHERE m.status = 'held' AND (s.who = 'pm' OR m.j % 4 <> 0)`,
    // February's monthly report (two pairs in three), final reports and satisfaction surveys of completed pairs.
    `INSERT INTO "FormResponse"(id, "personId", "programmeId", "formId", "formVersion", "subjectKey", answers, status, "submittedAt", "createdAt", "updatedAt")
     SELECT 'fm' || i, 'pe' || i, 'ga' || o, 'monthly-report', 1, 'pr' || i || ':2027-02', jsonb_build_object('planProgress', 1 + i % 5, 'summary', 'Всё по плану'),
       'submitted', TIMESTAMP '2027-02-25 12:00', TIMESTAMP '2027-02-25 11:00', TIMESTAMP '2027-02-25 12:00'
     FROM bench_p WHERE NOT ended AND status NOT IN ('ended_early') AND confirmed < TIMESTAMP '2027-02-25' AND i % 3 <> 0`,
    `INSERT INTO "FormResponse"(id, "personId", "programmeId", "formId", "formVersion", "subjectKey", answers, status, "submittedAt", "createdAt", "updatedAt")
     SELECT 'ff' || s.who || i, s.who || i, CASE WHEN ended THEN 'ge' ELSE 'ga' END || o, 'final-report', 1, 'pr' || i, jsonb_build_object('result', 'Цель достигнута'),
       'submitted', ended_at + interval '3 days', ended_at + interval '2 days', ended_at + interval '3 days'
     FROM bench_p, (VALUES ('pm'), ('pe')) s(who) WHERE status = 'completed' AND i % 2 = 0`,
    `INSERT INTO "FormResponse"(id, "personId", "programmeId", "formId", "formVersion", answers, status, "submittedAt", "createdAt", "updatedAt")
     SELECT 'fs' || s.who || i, s.who || i, CASE WHEN ended THEN 'ge' ELSE 'ga' END || o, s.form, 1,
       CASE s.who WHEN 'pe' THEN jsonb_build_object('overall', 3 + i % 3, 'mentor', 4, 'meetings', 3 + i % 2, 'goals', 4, 'skills', 4)
         ELSE jsonb_build_object('overall', 3 + i % 3, 'mentee', 4, 'curator', 5, 'organisation', 4, 'growth', 4) END,
       'submitted', ended_at + interval '4 days', ended_at + interval '4 days', ended_at + interval '4 days'
     FROM bench_p, (VALUES ('pm', 'satisfaction-mentor'), ('pe', 'satisfaction-mentee')) s(who, form) WHERE status = 'completed'`,

    // Proposed pairs: the last matching run of each active programme suggested a free mentor to the first unmatched mentees.
    `INSERT INTO "MatchRun"(id, "programmeId", mode, "startedById", "createdAt", stats)
     SELECT 'run' || o, 'ga' || o, 'best_total', 'pc' || o || '_1', now - interval '2 days', '{"candidateEdges": 10}' FROM bench_k, generate_series(1, orgs) o`,
    `INSERT INTO "MatchSuggestion"(id, "runId", "programmeId", number, "mentorId", "menteeId", score, reasons, status)
     SELECT 'sg' || f, 'run' || ((f - 1) % orgs + 1), 'ga' || ((f - 1) % orgs + 1), f, 'af' || f, 'au' || f, 60 + f % 40, '[{"code":"goals"}]', 'suggested'
     FROM bench_k, generate_series(1, least(free, unmatched)) f`,
    // The mutual-choice survey left open for ten days in every sixth programme.
    `INSERT INTO "SurveyRound"(id, "programmeId", kind, "openedAt") SELECT 'sv' || o, 'ga' || o, 'mutual_choice', now - interval '10 days' FROM bench_k, generate_series(6, orgs, 6) o`,

    // The outbox: three sent messages per pair, pending reminders due later, a few due half an hour ago.
    `INSERT INTO "Notification"(id, "personId", "dedupKey", kind, payload, "dueAt", status, "sentAt", attempts, platform, "partsSent", "createdAt")
     SELECT 'nh' || i || '_' || k, CASE WHEN k = 2 THEN 'pm' ELSE 'pe' END || i, 'history-' || i || '-' || k, 'meeting-reminder',
       jsonb_build_object('parts', jsonb_build_array(jsonb_build_object('key', 'lc-reminder', 'args', jsonb_build_object('stage', 'regular', 'with', 'Наставник ' || i, 'date', '01.02.2027', 'time', '15:00', 'place', '—'))), 'merge', 'reminders'),
       confirmed + k * interval '5 days', 'sent', confirmed + k * interval '5 days', 1, (ARRAY['telegram', 'vk', 'max'])[i % 3 + 1]::"Platform", 1, confirmed + k * interval '4 days'
     FROM bench_p, generate_series(1, 3) k`,
    `INSERT INTO "Notification"(id, "personId", "dedupKey", kind, payload, "dueAt", status, "createdAt")
     SELECT 'np' || i, 'pe' || i, 'pending-' || i, 'monthly-report',
       jsonb_build_object('parts', jsonb_build_array(jsonb_build_object('key', 'lc-monthly-report', 'args', jsonb_build_object('mentor', 'Наставник ' || i, 'month', 'март 2027'))), 'merge', 'reminders'),
       CASE WHEN i % 50 = 0 THEN now - interval '30 minutes' ELSE now + (i % 2000) * interval '1 minute' END, 'pending', now - interval '1 day'
     FROM bench_p, bench_k WHERE i % 4 = 0 AND status NOT IN ('completed', 'ended_early')`,
    `ANALYZE`,
  ];
}

/** Seeds the region into the database at `url` (migrated, empty); returns what it holds. */
export async function seedRegion(url: string, pairs: number, now: Date): Promise<SeedCounts> {
  const client = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    const nowText = now.toISOString().replace("T", " ").replace("Z", "");
    const [parameters, ...rest] = statements();
    await client.query(parameters!, [pairs, nowText]);
    for (const sql of rest) await client.query(sql);
    const count = async (table: string) => Number((await client.query(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n);
    return {
      organisations: await count("Organisation"),
      programmes: await count("Programme"),
      people: await count("Person"),
      pairs: await count("Pair"),
      meetings: await count("Meeting"),
      formResponses: await count("FormResponse"),
      notifications: await count("Notification"),
    };
  } finally {
    await client.end();
  }
}
