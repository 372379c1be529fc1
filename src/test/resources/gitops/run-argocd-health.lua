-- Runs an Argo CD health script the way Argo CD does: the live object as the global `obj`,
-- the script's returned table read for status and message.
--
--   lua5.1 run-argocd-health.lua HEALTH_SCRIPT.lua < object.json
--
-- prints the status on the first line and the message on the second.
local cjson = require "cjson"

-- Argo CD hands the script a table without JSON nulls (absent keys); cjson decodes null as
-- the sentinel cjson.null, so drop those to match.
local function withoutNulls(value)
  if type(value) ~= "table" then
    return value
  end
  local copy = {}
  for key, item in pairs(value) do
    if item ~= cjson.null then
      copy[key] = withoutNulls(item)
    end
  end
  return copy
end

local script = assert(loadfile(arg[1]))
obj = withoutNulls(cjson.decode(io.read("*a")))
local hs = script()
print(hs.status)
print(hs.message)
