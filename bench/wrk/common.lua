-- Shared by every scenario: sessions for the threads, and one line of results for bench/run.
-- A scenario loads it with `local common = dofile(...)`; wrk then finds `done` as a global.

local common = {}

-- Words of a space-separated environment variable, in order.
function common.words(variable)
  local words = {}
  for word in (os.getenv(variable) or ""):gmatch("%S+") do
    words[#words + 1] = word
  end
  assert(#words > 0, variable .. " is empty")
  return words
end

-- Gives each wrk thread the session of its own member, from BENCH_COOKIES, and its number
-- (from 1) as `thread_number`. The cookie is set once per thread, so wrk keeps sending one
-- prepared request and its Lua costs nothing per request.
function common.log_in_threads()
  local cookies = common.words("BENCH_COOKIES")
  local threads = 0

  function setup(thread)
    threads = threads + 1
    thread:set("thread_number", threads)
    thread:set("session_cookie", cookies[(threads - 1) % #cookies + 1])
  end

  function init(args)
    wrk.headers["Cookie"] = "tozo_session=" .. session_cookie
  end
end

-- One tab-separated line that bench/run reads: requests, requests per second, p50 and p99 in
-- milliseconds, socket errors (connect, read, write, timeouts) and answers of 400 or more.
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "tozo-bench-result\t%d\t%.1f\t%.2f\t%.2f\t%d\t%d\n",
    summary.requests,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000,
    latency:percentile(99) / 1000,
    errors.connect + errors.read + errors.write + errors.timeout,
    errors.status
  ))
end

return common
