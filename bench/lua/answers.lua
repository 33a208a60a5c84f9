-- Answer saves as the section pages send them: PUT /api/scans/{id}/answers with one section's answers, turning through
-- many scans and all sections, so that concurrent saves rarely wait for the same scan. The data file (env
-- BENCH_ANSWERS, written by AnswerFixtures) holds the scans with their tokens and the valid section bodies.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "report.lua")
dofile(os.getenv("BENCH_ANSWERS"))

local threads = 0
function setup(thread)
  thread:set("offset", threads * 7919)
  threads = threads + 1
end

local count = 0
function request()
  count = count + 1
  local n = count + (offset or 0)
  local scan = scans[n % #scans + 1]
  local body = bodies[math.floor(n / #scans) % #bodies + 1]
  return wrk.format("PUT", "/api/scans/" .. scan.id .. "/answers",
    {["Content-Type"] = "application/json", ["X-Scan-Token"] = scan.token}, body)
end
