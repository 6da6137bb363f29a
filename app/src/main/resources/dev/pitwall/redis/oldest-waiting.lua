--[[
  Read-only. Pitwall's own script (not BullMQ's). For the wait and paused lists of one queue:
  whether the tail is a legacy marker entry ("0:<delay>", written by older BullMQ 5 releases and not counted by
  getJobCounts), and the timestamp of the oldest real job (the tail, or the entry before a marker).
  Done server-side so that the id lookup and the hash read cost no second round trip.

    KEYS[1] wait list, KEYS[2] paused list
    ARGV[1] job key prefix ("bull:<queue>:")

  Returns {waitMarker 0|1, pausedMarker 0|1, waitOldestTimestamp|nil, pausedOldestTimestamp|nil}
]]
local result = {0, 0, false, false}
for i = 1, 2 do
  local tail = redis.call('LINDEX', KEYS[i], -1)
  if tail and string.sub(tail, 1, 2) == '0:' then
    result[i] = 1
    tail = redis.call('LINDEX', KEYS[i], -2)
  end
  if tail then
    result[i + 2] = redis.call('HGET', ARGV[1] .. tail, 'timestamp')
  end
end
return result
