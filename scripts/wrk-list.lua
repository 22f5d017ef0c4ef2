-- wrk script: requests a path template filled with one value per request, cycling through a list file.
--   LIST=file.txt PATH_TEMPLATE='/enterprises/%s/related?hops=2' wrk -s scripts/wrk-list.lua ...
-- Each wrk thread starts at a different offset so that connections do not ask for the same thing at once.
-- Values are URL-encoded (Chinese names, spaces in pinyin).
local values = {}
for line in io.lines(os.getenv("LIST")) do
  if line ~= "" then values[#values + 1] = line end
end
local template = os.getenv("PATH_TEMPLATE")
local counter = 0
local threads = 0

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 7919)
end

function init(args)
  counter = tonumber(offset or 0) or 0
end

function request()
  counter = counter + 1
  local v = values[(counter % #values) + 1]
  return wrk.format("GET", string.format(template, encode(v)))
end
