-- Argo CD health check for tlscheck.io/TlsCheck (Lua 5.1, as Argo CD's gopher-lua runs it).
-- Kept in sync with argocd-cm.yaml, which embeds this file; see gitops/README.md.
--
--   Progressing  the operator has not yet checked the current spec: no status, an
--                observedGeneration behind metadata.generation, or no Ready condition
--   Suspended    spec.suspend is true (and the operator has seen it)
--   Healthy      Ready=True: verdict Healthy, or Warning (for example a certificate inside
--                its expiryWarning window), which is named in the message but does not turn
--                the application Degraded: nothing is broken yet
--   Degraded     Ready=False: Failing (expired, wrong name, untrusted...) or Unknown (the
--                target or a reference is missing, the endpoint did not answer), with the
--                verdict, reason and message
local hs = {}

local function readyCondition(status)
  if status.conditions == nil then
    return nil
  end
  for _, condition in ipairs(status.conditions) do
    if condition.type == "Ready" then
      return condition
    end
  end
  return nil
end

-- "Failing (HostnameMismatch): certificate for ..." ; the reason is left out when it only
-- repeats the verdict ("Healthy (Healthy)").
local function describe(verdict, reason, message)
  local text = verdict or "Unknown"
  if reason ~= nil and reason ~= "" and reason ~= verdict then
    text = text .. " (" .. reason .. ")"
  end
  if message ~= nil and message ~= "" then
    text = text .. ": " .. message
  end
  return text
end

local generation = obj.metadata.generation or 0
local status = obj.status
if status == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the tlscheck operator to check the target"
  return hs
end
if status.observedGeneration == nil or status.observedGeneration < generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the tlscheck operator to check generation " .. generation
    .. " (the status is of generation " .. (status.observedGeneration or "none") .. ")"
  return hs
end
local ready = readyCondition(status)
if ready == nil or (ready.observedGeneration ~= nil and ready.observedGeneration < generation) then
  hs.status = "Progressing"
  hs.message = "Waiting for the Ready condition of generation " .. generation
  return hs
end
if obj.spec ~= nil and obj.spec.suspend == true then
  hs.status = "Suspended"
  hs.message = "Checks are suspended (spec.suspend); last verdict: " .. (status.verdict or "none")
  return hs
end
if ready.status == "True" then
  hs.status = "Healthy"
  hs.message = describe(status.verdict, ready.reason, ready.message)
elseif ready.status == "False" then
  hs.status = "Degraded"
  hs.message = describe(status.verdict, ready.reason, ready.message)
else
  hs.status = "Progressing"
  hs.message = describe("Ready is " .. (ready.status or "unset"), ready.reason, ready.message)
end
return hs
