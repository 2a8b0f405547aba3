-- POST /todos/: a new to-do per request, as the web app's form sends it.
local common = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "common.lua")

common.log_in_threads()
wrk.method = "POST"
wrk.headers["Accept"] = "application/json"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"task":"Book the dentist","due":"2030-01-31","complete":false}'
