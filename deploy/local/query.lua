-- wrk script of deploy/local/bench's query latency: each connection asks again 1000/RATE ms after each answer
-- (RATE 40 by default: the committee's own pace, under its limit of 50 requests a second), with the bearer token
-- in TOKEN, and prints what the harness reads, in the load driver's form.
--
--   TOKEN="$(deploy/local/stack token COMMITTEE)" wrk -t1 -c1 -d20s -s deploy/local/query.lua \
--     'http://127.0.0.1:8080/api/v1/metrics/localities?granularity=year'
local rate = tonumber(os.getenv("RATE") or "40")
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("TOKEN"), "TOKEN: a bearer token to ask with")

function delay()
  return 1000 / rate
end

-- a refusal or an error is counted apart by the harness: wrk's latencies include them
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("requests=%d refused=%d errors=%d p50=%.2fms p99=%.2fms max=%.2fms\n", summary.requests,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
