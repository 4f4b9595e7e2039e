#!/usr/bin/env bash
# latency-bench benchmarks (docs/benchmarks.md, "latency-bench"). Needs the Debian packages nginx and wrk
# (apt-get install nginx wrk). Runs on 127.0.0.1 only; every run is bounded. Usage:
#   bash bench/latency/run-benchmarks.sh [throughput|openloop|sse|memory|all] [SECONDS_FOR_MEMORY_RUN]
set -euo pipefail
cd "$(dirname "$0")/../.."
what=${1:-all}
memory_seconds=${2:-120}
out=artifacts/bench/latency
mkdir -p "$out" /tmp/latency-bench-nginx
dotnet build src/Gates.LatencyBench -c Release -v q -nologo >/dev/null
lb() { dotnet src/Gates.LatencyBench/bin/Release/net10.0/latency-bench.dll "$@"; }
metric() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['metrics'].get(sys.argv[2]))" "$1" "$2"; }

start_nginx() { nginx -c "$PWD/bench/latency/nginx.conf" 2>/dev/null || true; sleep 0.5; curl -sf http://127.0.0.1:18080/static.json >/dev/null; }
stop_nginx() { [ -f /tmp/latency-bench-nginx/nginx.pid ] && kill "$(cat /tmp/latency-bench-nginx/nginx.pid)" 2>/dev/null || true; }

throughput() {
  start_nginx
  echo "== throughput: concurrency 64, 10 s, nginx static JSON on 127.0.0.1 =="
  wrk -t2 -c64 -d10s --latency http://127.0.0.1:18080/static.json | tee "$out/wrk.txt"
  lb run --url http://127.0.0.1:18080/static.json --api http --method GET -c 64 --duration 10s --warmup 2s \
     --output "$out/throughput.json" --progress plain
  wrk_rps=$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")
  lb_rps=$(metric "$out/throughput.json" requests_per_second)
  python3 -c "import sys; w,l=float(sys.argv[1]),float(sys.argv[2]); print(f'wrk {w:.0f} req/s, latency-bench {l:.0f} req/s, ratio {l/w:.2f}')" "$wrk_rps" "$lb_rps" | tee "$out/throughput.txt"
}

openloop() {
  start_nginx
  echo "== open loop: 1,000 req/s constant for 30 s against nginx =="
  lb run --url http://127.0.0.1:18080/static.json --api http --method GET --rate 1000 --duration 30s --warmup 2s \
     --output "$out/openloop.json" --progress plain
  python3 - "$out/openloop.json" <<'PY' | tee "$out/openloop.txt"
import json, sys
m = json.load(open(sys.argv[1]))['metrics']
sent, done = m['sent_requests_per_second'], m['requests_per_second']
print(f"target 1000 req/s: sent {sent:.2f} req/s ({(sent/1000-1)*100:+.3f}%), completed {done:.2f} req/s ({(done/1000-1)*100:+.3f}%), "
      f"schedule lag p50 {m['schedule_lag_p50_ms']} ms p99 {m['schedule_lag_p99_ms']} ms, errors {m['failed_requests']:.0f}")
PY
}

sse() {
  echo "== SSE timing: server sends the first token after 50 ms, then one every 10 ms (32 tokens) =="
  dotnet run bench/latency/sse-server.cs -- 18090 50 10 32 > "$out/sse-server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 60); do curl -sf http://127.0.0.1:18090/stats >/dev/null && break; sleep 1; done
  lb run --url http://127.0.0.1:18090/v1/chat/completions -c 4 --requests 200 --warmup-requests 8 --no-probe \
     --output "$out/sse.json" --progress plain
  curl -sf http://127.0.0.1:18090/stats > "$out/sse-truth.json"
  kill "$server" 2>/dev/null || true
  python3 - "$out/sse.json" "$out/sse-truth.json" <<'PY' | tee "$out/sse.txt"
import json, sys
m = json.load(open(sys.argv[1]))['metrics']; t = json.load(open(sys.argv[2]))
print(f"TTFT median: measured {m['ttft_p50_ms']:.3f} ms, server-side true {t['ttft_median_ms']:.3f} ms, difference {m['ttft_p50_ms']-t['ttft_median_ms']:+.3f} ms")
print(f"ITL median:  measured {m['itl_p50_ms']:.3f} ms, server-side true {t['gap_median_ms']:.3f} ms, difference {m['itl_p50_ms']-t['gap_median_ms']:+.3f} ms")
PY
}

memory() {
  start_nginx
  echo "== memory: open loop 2,000 req/s for ${memory_seconds} s with a per-request log, RSS every 10 s =="
  dotnet src/Gates.LatencyBench/bin/Release/net10.0/latency-bench.dll run --url http://127.0.0.1:18080/static.json --api http \
     --method GET --rate 2000 --duration "${memory_seconds}s" --output "$out/memory.json" --requests-log "$out/memory-requests.jsonl" \
     --progress off &
  pid=$!
  : > "$out/memory-rss.txt"
  while kill -0 "$pid" 2>/dev/null; do
    sleep 10
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [ -n "$rss" ] && echo "$(date +%s) ${rss} kB" | tee -a "$out/memory-rss.txt"
  done
  wait "$pid" || true
  echo "requests: $(metric "$out/memory.json" requests), request log lines: $(wc -l < "$out/memory-requests.jsonl")" | tee -a "$out/memory-rss.txt"
  rm -f "$out/memory-requests.jsonl"
}

case "$what" in
  throughput) throughput ;;
  openloop) openloop ;;
  sse) sse ;;
  memory) memory ;;
  all) throughput; openloop; sse; memory ;;
esac
stop_nginx
