--[[
  Read-only. Pitwall's own script (not BullMQ's). HMGET with a bound: for each named field of one job hash, its full
  length and at most its first ARGV[1] bytes, so that a 10 MB data field costs a page of the failed set 64 KiB, not
  10 MB, on the wire and in the console.

    KEYS[1] job hash
    ARGV[1] most bytes per field, ARGV[2..] field names

  Returns {exists 0|1, length1|-1, prefix1|nil, length2|-1, prefix2|nil, ...}
]]
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {0}
end
local limit = tonumber(ARGV[1])
local result = {1}
for i = 2, #ARGV do
  local value = redis.call('HGET', KEYS[1], ARGV[i])
  if value then
    result[#result + 1] = #value
    result[#result + 1] = string.sub(value, 1, limit)
  else
    result[#result + 1] = -1
    result[#result + 1] = false
  end
end
return result
