-- wrk's load for benchmarks/callback.py: signed WeChat text messages, each connection's next
-- message from an applicant walking the scripted application, a unique MsgId every time.
--
--   wrk -t1 -c50 -d6s -s benchmarks/wechat.lua URL -- QUERIES TAG CHECK TEXT1 EXPECTED1 TEXT2 ...
--
-- QUERIES is a file of signed query strings, one a line, each used for one message: WeChat signs
-- token, timestamp and nonce, not the body, and the bot refuses a signature already used for another
-- body (a replay), so every message needs a nonce of its own. Signing is done beforehand in Python,
-- keeping SHA-1 off the client's share of the cores. TAG makes this run's openids and MsgIds its own; CHECK "1" counts
-- a reply without its turn's expected fragment as an error (the bot's row), "0" does not (echoes).
-- An applicant is never in two requests at once: a request takes an idle applicant, and the reply
-- (an echo's FromUserName, a reply's ToUserName) gives it back. done() prints one JSON line.

local queries, next_query = {}, 0
local tag, check
local script = {}
local idle = {}        -- applicants waiting for their next turn (FIFO)
local by_openid = {}
local made, msg_id = 0, 0
errors, wrong = 0, 0   -- globals: done() reads them from each thread
local threads = {}

function setup(thread)
  thread:set("number", tostring(#threads + 1))
  threads[#threads + 1] = thread
end

function init(args)
  for line in io.lines(args[1]) do queries[#queries + 1] = line end
  tag, check = args[2] .. "t" .. number, args[3] == "1"
  for i = 4, #args, 2 do
    script[#script + 1] = { text = args[i], expected = args[i + 1] }
  end
end

local function new_applicant()
  made = made + 1
  local applicant = { openid = "wb" .. tag .. "u" .. made, step = 1 }
  by_openid[applicant.openid] = applicant
  return applicant
end

local function take()
  local applicant = table.remove(idle, 1)
  if applicant == nil then return new_applicant() end
  return applicant
end

local function give_back(applicant, ok)
  if ok and applicant.step < #script then
    applicant.step = applicant.step + 1
    idle[#idle + 1] = applicant
  else
    -- walked to the end, or its turn went wrong: the next turns would answer another step
    by_openid[applicant.openid] = nil
    idle[#idle + 1] = new_applicant()
  end
end

function request()
  local applicant = take()
  local turn = script[applicant.step]
  msg_id = msg_id + 1
  next_query = next_query % #queries + 1  -- past the last, a replay: the bot's row counts it as an error
  local body = "<xml><ToUserName><![CDATA[gh_jifen]]></ToUserName><FromUserName><![CDATA[" .. applicant.openid ..
      "]]></FromUserName><CreateTime>" .. os.time() .. "</CreateTime><MsgType><![CDATA[text]]></MsgType>" ..
      "<Content><![CDATA[" .. turn.text .. "]]></Content><MsgId>" .. number .. string.format("%09d", msg_id) ..
      "</MsgId></xml>"
  return wrk.format("POST", "/wechat?" .. queries[next_query], { ["Content-Type"] = "text/xml" }, body)
end

function response(status, headers, body)
  local openid = string.match(body, "CDATA%[(wb" .. tag .. "u%d+)%]")
  local applicant = openid and by_openid[openid]
  local ok = status == 200 and applicant ~= nil
  if not ok then
    errors = errors + 1
  elseif check and not string.find(body, script[applicant.step].expected, 1, true) then
    wrong = wrong + 1
    ok = false
  end
  if applicant then give_back(applicant, ok) end
end

function done(summary, latency, requests)
  local e = summary.errors
  local failed, wrong_replies = 0, 0
  for _, thread in ipairs(threads) do
    failed, wrong_replies = failed + thread:get("errors"), wrong_replies + thread:get("wrong")
  end
  print(string.format('{"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, ' ..
      '"socket_errors": %d, "failed": %d, "wrong_replies": %d}',
      summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, e.connect + e.read + e.write + e.timeout, failed, wrong_replies))
end
