/**
 * The messengers a person may be written to on: those every organisation of theirs allows (as a
 * participant of one of its programmes, or its administrator). A school under a state assignment
 * lists MAX and VK, and nothing of its people goes out through another messenger — not even as
 * a fallback; someone in no organisation (a regional administrator) may be written to on any.
 */

/** SQL condition on a "MessengerIdentity" row under `alias`: its messenger is allowed for its person. */
export function allowedByOrganisations(alias: string): string {
  return `NOT EXISTS (
    SELECT 1 FROM "Organisation" o
    WHERE cardinality(o.messengers) > 0 AND NOT (${alias}.platform = ANY(o.messengers))
      AND (o.id IN (SELECT g."organisationId" FROM "Participation" pa JOIN "Programme" g ON g.id = pa."programmeId" WHERE pa."personId" = ${alias}."personId" AND pa.status <> 'left')
        OR o.id IN (SELECT a."organisationId" FROM "Administrator" a WHERE a."personId" = ${alias}."personId" AND a."organisationId" IS NOT NULL)))`;
}
