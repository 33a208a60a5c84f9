-- Prints one machine-readable line per wrk run; bench/run reads it. Latencies in milliseconds.
-- Any failed request (socket error, timeout or a status of 400 or more) is counted, so a broken run shows.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50=%.2f p99=%.2f requests=%d failed=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout))
end
