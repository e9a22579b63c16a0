-- wrk script of deploy/local/bench's single events: each wrk thread is one locality's system, posting new
-- applications' SUBMITTED events one at a time with that locality's token, as LoadDriver --mode single does.
--
--   TOKENS="01=<token> 79=<token> ..."   a bearer token per locality (deploy/local/stack token SUBMITTER 01)
--   SERVICES="P06-03 P06-04 ..."          the services to spread the events over
--   RUN=<any word>                        new ids on every run: an id seen before would answer 200 as a duplicate
--
--   wrk -t16 -c64 -d20s -s deploy/local/events.lua http://127.0.0.1:8080
local count = 0

function setup(thread)
  count = count + 1
  thread:set("number", count)
end

function init(args)
  local systems = {}
  for code, token in string.gmatch(assert(os.getenv("TOKENS"), "TOKENS: code=token ..."), "(%w+)=(%S+)") do
    systems[#systems + 1] = { code = code, token = token }
  end
  local mine = systems[(number - 1) % #systems + 1]
  locality = mine.code
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. mine.token }
  services = {}
  for code in string.gmatch(assert(os.getenv("SERVICES"), "SERVICES: codes"), "%S+") do
    services[#services + 1] = code
  end
  prefix = "WRK-" .. assert(os.getenv("RUN"), "RUN: a word of this run") .. "-" .. number .. "-"
  sequence = 0
end

local function utc(seconds)
  return os.date("!%Y-%m-%dT%H:%M:%SZ", seconds)
end

function request()
  sequence = sequence + 1
  local id = prefix .. sequence
  -- received an hour ago (UTC), due five days later; two in three online
  local received = os.time() - 3600
  local channel = (sequence % 3 ~= 0) and '"ONLINE","onlineLevel":"PARTIAL"' or '"IN_PERSON"'
  local body = '{"eventId":"' .. id .. '-s","type":"SUBMITTED","applicationId":"' .. id .. '","localityCode":"'
    .. locality .. '","serviceCode":"' .. services[sequence % #services + 1] .. '","occurredAt":"' .. utc(received)
    .. '","channel":' .. channel .. ',"dueAt":"' .. utc(received + 5 * 86400) .. '"}'
  return wrk.format("POST", "/api/v1/events", headers, body)
end

-- accepted events only are the measure: refusals (a 429, a 503) and errors are counted apart
function done(summary, latency, requests)
  local errors = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("requests=%d refused=%d errors=%d seconds=%.1f requests/s=%.0f p50=%.1fms p99=%.1fms "
    .. "max=%.1fms\n", summary.requests, errors.status, errors.connect + errors.read + errors.write + errors.timeout,
    seconds, (summary.requests - errors.status) / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
