export * from "./types.js";
export { DEFAULT_WEIGHTS } from "./weights.js";
export {
  findBlockingPairs,
  pairEvaluator,
  suggestPairs,
  type MatchingOptions,
} from "./suggest.js";
export { modeKey, reasonMessage, scoreMessage, unmatchedMessage, type FluentMessage } from "./messages.js";
export { DEFAULT_MUST_HAVES, MUST_HAVES } from "./weights.js";
export {
  CURATOR_WEIGHTS,
  applySettingChange,
  decodeSettingChange,
  effectiveSettings,
  encodeSettingChange,
  typedSettingChange,
  type StoredMatching,
} from "./settings.js";
export { compareModes } from "./trade-off.js";
