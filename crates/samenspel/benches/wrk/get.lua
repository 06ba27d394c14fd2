-- wrk script: GET with Samenspel's credentials from the environment:
-- SAMENSPEL_TOKEN (an API token, as a bearer) or SAMENSPEL_COOKIE (a session).
local token = os.getenv("SAMENSPEL_TOKEN")
local cookie = os.getenv("SAMENSPEL_COOKIE")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
