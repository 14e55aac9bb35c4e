/**
 * Form 1 of the regional mentoring centre (004): one row per organisation taking part in the
 * target model. The caller passes the organisations to list (schools, colleges, …; not the
 * enterprises that only provide mentors).
 */
import { headCount, sum } from "../indicators/arithmetic.js";
import type { OrganisationInput } from "../indicators/input-types.js";
import { compareBy } from "./sorting.js";

export interface Form1Row {
  organisationId: string;
  /** «Муниципальный район» */
  district: string | null;
  /** «Общеобразовательные организации» */
  organisation: string;
  /** «Контакты: ФИО директора, тел., почта, почт. адрес» */
  headContacts: string | null;
  /** «Общее количество детей в ОО в возрасте от 10 до 19 лет, чел» */
  childrenAged10to19: number | null;
  /** «Общее количество педагогических работников в ОО, чел» */
  teachers: number | null;
  /** «Общее количество учителей - молодых специалистов в ОО (с опытом работы от 0 до 3 лет), чел» */
  youngSpecialists: number | null;
}

/** Sums of the known figures; null in a column where no organisation reported the figure. */
export interface Form1Total {
  childrenAged10to19: number | null;
  teachers: number | null;
  youngSpecialists: number | null;
}

export interface Form1 {
  rows: Form1Row[];
  total: Form1Total;
}

function contacts(o: OrganisationInput): string | null {
  const parts = [o.headName, o.headContacts].map((s) => s?.trim() ?? "").filter((s) => s !== "");
  return parts.length === 0 ? null : parts.join(", ");
}

function knownSum(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : sum(known);
}

export function form1(organisations: readonly OrganisationInput[]): Form1 {
  const rows: Form1Row[] = organisations
    .map((o) => ({
      organisationId: o.id,
      district: o.district,
      organisation: o.name,
      headContacts: contacts(o),
      childrenAged10to19: headCount(o.childrenAged10to19, `childrenAged10to19 of organisation ${o.id}`),
      teachers: headCount(o.teachersCount, `teachersCount of organisation ${o.id}`),
      youngSpecialists: headCount(o.youngSpecialistsCount, `youngSpecialistsCount of organisation ${o.id}`),
    }))
    .sort(compareBy((r) => r.district, (r) => r.organisation));
  return {
    rows,
    total: {
      childrenAged10to19: knownSum(rows.map((r) => r.childrenAged10to19)),
      teachers: knownSum(rows.map((r) => r.teachers)),
      youngSpecialists: knownSum(rows.map((r) => r.youngSpecialists)),
    },
  };
}
