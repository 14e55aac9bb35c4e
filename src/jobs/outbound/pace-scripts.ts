/**
 * The pacer's Lua scripts (src/jobs/outbound/pacer.ts). Each reads Redis's clock with
 * `redis.call('TIME')`, in milliseconds with three decimals; every time stored in the pace keys
 * is on that clock, and so is every time a script compares with one. A script only ever answers
 * durations (ms to wait) and opaque slot times that come back to a script unchanged.
 *
 * Keys: KEYS[1] the messenger's next free slot, KEYS[2] the chat's next free slot (KEYS[1]
 * again when there is no chat), KEYS[3] the holds: a sorted set of [from, until) spans no slot
 * may start in, member `from:until`, score `until`.
 */

/**
 * Takes the next slot. ARGV: interval between two slots of the messenger, least interval between
 * two slots of the chat (0: none). Returns {1, ms to wait, the slot} or {-1, ms until the chat is
 * free} (nothing is reserved then).
 */
export const PACE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local g = tonumber(redis.call('GET', KEYS[1]) or '0')
local c = 0
if KEYS[2] ~= KEYS[1] then c = tonumber(redis.call('GET', KEYS[2]) or '0') end
local interval = tonumber(ARGV[1])
local chatInterval = tonumber(ARGV[2])
local slot = math.max(now, g)
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', string.format('%.3f', now))
local holds = redis.call('ZRANGE', KEYS[3], 0, -1, 'WITHSCORES')
for _ = 1, 4 do
  local moved = false
  for i = 1, #holds, 2 do
    local from = tonumber(holds[i]:match('^([^:]+)'))
    local to = tonumber(holds[i + 1])
    if slot >= from and slot < to then slot = to; moved = true end
  end
  if not moved then break end
end
if c > slot then return {-1, math.ceil(c - now)} end
redis.call('SET', KEYS[1], string.format('%.3f', slot + interval), 'PX', 60000)
if chatInterval > 0 then redis.call('SET', KEYS[2], string.format('%.3f', slot + chatInterval), 'PX', math.ceil(chatInterval) + 5000) end
return {1, math.floor(slot - now), string.format('%.3f', slot)}
`;

/**
 * After a send was answered (Redis's clock now is no earlier than the moment the messenger got
 * it): the chat's next slot is at least one chat interval later; and when the answer came so
 * late that the send may have reached the messenger within one window of the slot `limit` slots
 * after it, those slots are held until a window after the answer. ARGV: the send's slot,
 * interval, limit, chat interval, window. Returns 1 when it added a hold.
 */
export const SETTLE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local slot = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local chatInterval = tonumber(ARGV[4])
local window = tonumber(ARGV[5])
if chatInterval > 0 and KEYS[2] ~= KEYS[1] then
  local c = tonumber(redis.call('GET', KEYS[2]) or '0')
  if now + chatInterval > c then redis.call('SET', KEYS[2], string.format('%.3f', now + chatInterval), 'PX', math.ceil(chatInterval) + 5000) end
end
local to = now + window
if to > slot + limit * interval then
  local from = slot + (limit - 0.5) * interval
  redis.call('ZADD', KEYS[3], string.format('%.3f', to), string.format('%.3f', from) .. ':' .. string.format('%.3f', to))
  redis.call('PEXPIRE', KEYS[3], math.ceil(window) + 60000)
  return 1
end
return 0
`;

/** The messenger answered 429: no slot of it starts earlier than ARGV[1] ms from now. KEYS[1] the messenger's next free slot. */
export const PENALTY_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local g = tonumber(redis.call('GET', KEYS[1]) or '0')
local until_ = now + tonumber(ARGV[1])
if until_ > g then redis.call('SET', KEYS[1], string.format('%.3f', until_), 'PX', math.ceil(tonumber(ARGV[1])) + 60000) end
return 1
`;
