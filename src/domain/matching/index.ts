export * from "./types.js";
export { DEFAULT_POLICY, DEFAULT_WEIGHTS, type MatchPolicy, type MatchWeights } from "./weights.js";
export type { InstanceOptions } from "./instance.js";
export {
  DEFAULT_CANDIDATES_PER_MENTEE,
  DEFAULT_DENSE_LIMIT,
  DEFAULT_MAX_ROUNDS,
  findBlockingPairs,
  pairEvaluator,
  suggestPairs,
  type MatchingOptions,
  type PairEvaluator,
} from "./suggest.js";
export { modeKey, reasonKey, reasonMessage, scoreMessage, unmatchedKey, unmatchedMessage, type FluentMessage } from "./messages.js";
