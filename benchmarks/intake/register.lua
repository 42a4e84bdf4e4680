-- wrk script: one registration a request, as benchmarks/intake/registration.sql issues it (two pupils of 20,000,
-- a fresh Idempotency-Key each). The Authorization header comes from wrk's -H.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local categories = {"BULLYING", "THEFT", "VANDALISM", "DISCRIMINATION", "THREAT"}
local counter = 0

-- every thread of every run its own random sequence: a key seen before with another body would be a 422
function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 1000000007)
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"schoolLocationId":"30BR01","occurredAt":"%s","locationType":"IN_SCHOOL","category":"%s","severity":"LOW",' ..
    '"description":"Benchmark incident %d in the corridor","involvedPersons":[' ..
    '{"role":"SUSPECT","kind":"STUDENT","studentNumber":"BENCH-%05d","schoolLocationId":"30BR01"},' ..
    '{"role":"VICTIM","kind":"STUDENT","studentNumber":"BENCH-%05d","schoolLocationId":"30BR01"}]}',
    os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - math.random(60, 36000)), categories[math.random(1, #categories)],
    counter, math.random(1, 20000), math.random(1, 20000))
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Idempotency-Key"] = string.format("%08x-%04x-%08x-%d", math.random(0, 0x7fffffff), math.random(0, 0xffff),
    math.random(0, 0x7fffffff), counter)
  return wrk.format(nil, nil, headers, body)
end
