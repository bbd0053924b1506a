-- wrk script for bench/login.sh: password sign-ins against POST /dang-nhap.
--
--   wrk -t2 -c32 -d20s --latency -s bench/login.lua http://127.0.0.1:PORT -- ACCOUNT PASSWORD
--
-- Each wrk thread first GETs /dang-nhap to obtain the pre-session cookie (motcua-form) and the CSRF token bound to
-- it, then POSTs the sign-in form with them again and again. Every sign-in is correct, so the throttle never
-- blocks; each one creates a session (its cookie is dropped). done() prints the count of 303 answers (sign-ins),
-- 200 answers (the sign-in page: at most one per connection, all sent before the first comes back) and anything
-- else, and sign-ins per second.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local function form_encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

function init(args)
  account = args[1] or "036185001234"
  password = args[2] or "NamDinh-thu-nghiem"
  cookie, body = nil, nil
  logins, pages, others, other_status = 0, 0, 0, ""
end

function request()
  if body == nil then
    return wrk.format("GET", "/dang-nhap")
  end
  return wrk.format("POST", "/dang-nhap",
    { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }, body)
end

function response(status, headers, text)
  if status == 303 then
    logins = logins + 1
    return
  end
  if status == 200 then
    -- The sign-in page: every connection asks for it until the first copy has come back.
    pages = pages + 1
    if body ~= nil then return end
    local set_cookie = ""
    for name, value in pairs(headers) do
      if name:lower() == "set-cookie" then set_cookie = value end
    end
    local c = set_cookie:match("^(motcua%-form=[^;]+)")
    local token = text:match('name="csrf" value="(%x+)"')
    if c and token then
      -- Cookie and token change together: both come from the same answer.
      cookie = c
      body = "csrf=" .. token .. "&tai_khoan=" .. form_encode(account) .. "&mat_khau=" .. form_encode(password) ..
        "&tiep=%2Ftai-khoan"
    end
    return
  end
  others = others + 1
  other_status = tostring(status)
end

function done(summary, latency, requests)
  local l, p, o, last = 0, 0, 0, ""
  for _, t in ipairs(threads) do
    l = l + t:get("logins")
    p = p + t:get("pages")
    o = o + t:get("others")
    if t:get("other_status") ~= "" then last = t:get("other_status") end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("sign-ins (303): %d, sign-in pages (200): %d, other answers: %d%s\n", l, p, o,
    o > 0 and (" (last status " .. last .. ")") or ""))
  io.write(string.format("sign-ins/s: %.1f\n", l / seconds))
end
