-- GET /control/ping/: the server's floor, with no database and no session.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "common.lua")
