export * from "./input-types.js";
export * from "./result-types.js";
export { percentOf } from "./arithmetic.js";
export { TARGET_PERCENT } from "./shares.js";
export { normalisedScore, satisfactionIndicator } from "./satisfaction.js";
export { countApprovedPersonalisedProgrammes, countEnterprises, countPairsAndGroups, enterpriseKey } from "./counts.js";
export { indicatorSet } from "./indicator-set.js";
export { organisationsScope, programmeScope, type Scope } from "./scope.js";
export {
  allIndicators,
  districtIndicators,
  indicatorsOfOrganisations,
  organisationIndicators,
  programmeIndicators,
  regionIndicators,
} from "./by-scope.js";
export { flattenIndicators, INDICATOR_KEYS, isPercentKey, type FlatIndicators, type IndicatorKey } from "./flatten.js";
export { changedIndicators, compareSnapshots, type IndicatorChange, type Trend } from "./compare.js";
