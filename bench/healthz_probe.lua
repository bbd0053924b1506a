-- wrk script for bench/login.sh: a paced probe of GET /healthz, to see how quickly the server still answers a
-- cheap request while password hashes run. Each connection waits PAUSE ms (default 10) before each request, so
-- 4 connections send at most ~400 requests a second and the latency measured is the server's, not a queue's.
--
--   wrk -t1 -c4 -d20s --latency -s bench/healthz_probe.lua http://127.0.0.1:PORT/healthz -- 10

function init(args)
  pause = tonumber(args[1]) or 10
end

function delay()
  return pause
end
