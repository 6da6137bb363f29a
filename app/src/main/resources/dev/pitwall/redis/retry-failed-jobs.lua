-- Moves failed BullMQ jobs back to waiting, atomically, with the semantics BullMQ's own retry has (see
-- reference/bullmq-layout.md): remove from the failed set, clear finishedOn/processedOn/failedReason (keeping attempts
-- and the stack trace), push to wait (or to prioritized by priority, or to paused on a paused 5.x queue), wake blocked
-- workers through the marker unless the queue is paused, and tell listeners through the events stream.
--
-- KEYS[1] = queue key prefix, e.g. "bull:workerJobs:"
-- ARGV[1] = layout ("5" or "6"); ARGV[2..n] = job ids
-- Returns one code per id: 1 moved, 0 not in the failed set (left alone), -1 no such job.
local prefix = KEYS[1]
local layout = ARGV[1]
local failedKey = prefix .. "failed"
local paused = redis.call("HGET", prefix .. "meta", "paused") == "1"
local results = {}
for i = 2, #ARGV do
  local id = ARGV[i]
  local jobKey = prefix .. id
  if redis.call("EXISTS", jobKey) == 0 then
    results[#results + 1] = -1
  elseif redis.call("ZREM", failedKey, id) == 0 then
    results[#results + 1] = 0
  else
    redis.call("HDEL", jobKey, "finishedOn", "processedOn", "failedReason")
    local priority = tonumber(redis.call("HGET", jobKey, "priority") or "0") or 0
    if priority > 0 then
      local counter = redis.call("INCR", prefix .. "pc")
      redis.call("ZADD", prefix .. "prioritized", priority * 4294967296 + counter, id)
    elseif paused and layout == "5" then
      redis.call("LPUSH", prefix .. "paused", id)
    else
      redis.call("LPUSH", prefix .. "wait", id)
    end
    if not paused then
      redis.call("ZADD", prefix .. "marker", 0, "0")
    end
    local maxEvents = redis.call("HGET", prefix .. "meta", "opts.maxLenEvents") or "10000"
    redis.call("XADD", prefix .. "events", "MAXLEN", "~", maxEvents, "*", "event", "waiting", "jobId", id,
      "prev", "failed")
    results[#results + 1] = 1
  end
end
return results
