export * from "./types.js";
export { DEFAULT_WEIGHTS } from "./weights.js";
export {
  findBlockingPairs,
  pairEvaluator,
  suggestPairs,
  type MatchingOptions,
} from "./suggest.js";
export { modeKey, reasonMessage, scoreMessage, unmatchedMessage, type FluentMessage } from "./messages.js";
