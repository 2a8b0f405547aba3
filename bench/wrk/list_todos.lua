-- GET /todos/ as the web app sends it, with each thread logged in as its own member.
local common = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "common.lua")

common.log_in_threads()
wrk.headers["Accept"] = "application/json"
