-- wrk script: GET with Samenspel's credentials from the environment:
-- WRK_TOKEN (an API token, as a bearer) or WRK_COOKIE (a session).
local token = os.getenv("WRK_TOKEN")
local cookie = os.getenv("WRK_COOKIE")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
