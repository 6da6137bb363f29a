--[[
  Read-only. Pitwall's own script (not BullMQ's). Counts the "added", "completed" and "failed" entries of a queue's
  event stream that are newer than the previous position, newest first, at most ARGV[2] entries, and returns only
  the counts: the entries themselves (with return values and error texts) never cross the wire.

    KEYS[1] events stream
    ARGV[1] previous position (an entry id), or "" on the first look: then only the position is returned
    ARGV[2] most entries to count

  Returns {exists 0|1, newestId, first 0|1, complete 0|1, added, completed, failed, oldestCountedId}
]]
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {0, '', 0, 1, 0, 0, 0, ''}
end
local newest = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
if #newest == 0 then
  return {1, ARGV[1], 0, 1, 0, 0, 0, ''}
end
local newestId = newest[1][1]
if ARGV[1] == '' then
  return {1, newestId, 1, 1, 0, 0, 0, ''}
end
local limit = tonumber(ARGV[2])
local entries = redis.call('XREVRANGE', KEYS[1], '+', '(' .. ARGV[1], 'COUNT', limit)
local added, completed, failed = 0, 0, 0
for _, entry in ipairs(entries) do
  local fields = entry[2]
  for j = 1, #fields, 2 do
    if fields[j] == 'event' then
      local name = fields[j + 1]
      if name == 'added' then
        added = added + 1
      elseif name == 'completed' then
        completed = completed + 1
      elseif name == 'failed' then
        failed = failed + 1
      end
      break
    end
  end
end
local oldest = ''
if #entries > 0 then
  oldest = entries[#entries][1]
end
local complete = 1
if #entries >= limit then
  complete = 0
end
return {1, newestId, 0, complete, added, completed, failed, oldest}
