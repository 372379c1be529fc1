-- wrk script for bench/run.sh: counts /probe answers that report probe_success 1, so that
-- failed probes (cheaper than real ones) are not counted as probes done.
local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   ok = 0
   failed = 0
end

function response(status, headers, body)
   if status == 200 and string.find(body, "\nprobe_success 1\n", 1, true) then
      ok = ok + 1
   else
      failed = failed + 1
   end
end

function done(summary, latency, requests)
   local o, f = 0, 0
   for _, t in ipairs(threads) do
      o = o + t:get("ok")
      f = f + t:get("failed")
   end
   local seconds = summary.duration / 1e6
   io.write(string.format("bench probes_ok %d\n", o))
   io.write(string.format("bench probes_failed %d\n", f))
   io.write(string.format("bench seconds %.3f\n", seconds))
   io.write(string.format("bench ok_per_second %.1f\n", o / seconds))
   io.write(string.format("bench latency_p50_ms %.2f\n", latency:percentile(50) / 1000))
   io.write(string.format("bench latency_p99_ms %.2f\n", latency:percentile(99) / 1000))
end
