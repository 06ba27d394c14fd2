-- wrk script: POST one ~200-byte logbook entry per request to the circle in
-- WRK_CIRCLE with the API token in WRK_TOKEN (the same text as
-- the raw limit's post.lua, as JSON).
local token = os.getenv("WRK_TOKEN")
local path = "/api/v1/circles/" .. os.getenv("WRK_CIRCLE") .. "/entries"
local counter = 0
request = function()
  counter = counter + 1
  local body = '{"kind":"update","audience":"circle","body":"Visited by nurse at ten, blood pressure normal, mood good. '
    .. 'Ate lunch with daughter, walked to the park and back. Medication taken at nine. Slept well after dinner, evening was quiet. #'
    .. counter .. '"}'
  return wrk.format("POST", path, {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end
