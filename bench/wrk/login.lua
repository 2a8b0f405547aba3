-- POST /sessions/: logins with the right password, each one a full argon2id check.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "common.lua")

wrk.method = "POST"
wrk.headers["Accept"] = "application/json"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format(
  '{"email":"%s","password":"%s"}',
  os.getenv("BENCH_LOGIN_EMAIL"),
  os.getenv("BENCH_PASSWORD")
)
