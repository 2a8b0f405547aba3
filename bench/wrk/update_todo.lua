-- PUT /todos/{id}/: the member's own to-dos in turn (BENCH_TODO_IDS), ticked and
-- unticked, so that every request changes a row. Threads start far apart in the list (spread
-- by the golden ratio), so that requests in flight rarely wait for each other's row locks.
local common = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "common.lua")

common.log_in_threads()
wrk.headers["Accept"] = "application/json"
wrk.headers["Content-Type"] = "application/json"

local ids = common.words("BENCH_TODO_IDS")
local bodies = {
  '{"task":"Renew the passport","due":"2030-02-28T17:00:00Z","complete":true}',
  '{"task":"Renew the passport","due":"2030-02-28T17:00:00Z","complete":false}',
}
local sent

function request()
  sent = (sent or math.floor((thread_number - 1) * #ids * 0.618)) + 1
  local path = "/todos/" .. ids[sent % #ids + 1] .. "/"
  return wrk.format("PUT", path, nil, bodies[sent % 2 + 1])
end
