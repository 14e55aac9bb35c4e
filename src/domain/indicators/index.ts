export * from "./input-types.js";
export * from "./result-types.js";
export { normalisedScore, satisfactionIndicator } from "./satisfaction.js";
export { countApprovedPersonalisedProgrammes, enterpriseKey } from "./counts.js";
export {
  allIndicators,
  districtIndicators,
  organisationIndicators,
  programmeIndicators,
  regionIndicators,
} from "./by-scope.js";
export { flattenIndicators, INDICATOR_KEYS } from "./flatten.js";
export { changedIndicators, compareSnapshots } from "./compare.js";
