#!/usr/bin/env bash
# latency-bench benchmarks (docs/benchmarks.md, "latency-bench"). Needs the Debian packages nginx and wrk
# (apt-get install nginx wrk) and openssl. Runs on 127.0.0.1 only; every run is bounded. Usage:
#   bash bench/latency/run-benchmarks.sh [throughput|https|openloop|sse|sse1000|sse-https|shards|memory|all] [SECONDS_FOR_MEMORY_RUN]
set -euo pipefail
cd "$(dirname "$0")/../.."
what=${1:-all}
memory_seconds=${2:-120}
out=artifacts/bench/latency
mkdir -p "$out" /tmp/latency-bench-nginx
dotnet build src/Gates.LatencyBench -c Release -v q -nologo >/dev/null
lb() { dotnet src/Gates.LatencyBench/bin/Release/net10.0/latency-bench.dll "$@"; }
metric() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['metrics'].get(sys.argv[2]))" "$1" "$2"; }

load() { echo "machine load (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"; }

# A self-signed certificate for 127.0.0.1 (https cases; latency-bench trusts it through --ca-cert, never --insecure).
cert=/tmp/latency-bench-nginx/cert.pem
key=/tmp/latency-bench-nginx/key.pem
[ -f "$cert" ] || openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout "$key" -out "$cert" 2>/dev/null

start_nginx() { nginx -c "$PWD/bench/latency/nginx.conf" 2>/dev/null || true; sleep 0.5; curl -sf http://127.0.0.1:18080/static.json >/dev/null; }
stop_nginx() { [ -f /tmp/latency-bench-nginx/nginx.pid ] && kill "$(cat /tmp/latency-bench-nginx/nginx.pid)" 2>/dev/null || true; }

# wrk against latency-bench, closed loop at concurrency 64, back to back; $1 is the URL, $2 a name, $3... extra flags.
versus_wrk() {
  url=$1 name=$2; shift 2
  load | tee "$out/$name-load.txt"
  wrk -t2 -c64 -d10s --latency "$url" | tee "$out/$name-wrk.txt"
  lb run --url "$url" --api http --method GET --concurrency 64 --duration 10s --warmup 2s \
     --save-results "$out/$name.json" --progress off "$@"
  load | tee -a "$out/$name-load.txt"
  wrk_rps=$(awk '/Requests\/sec/ {print $2}' "$out/$name-wrk.txt")
  lb_rps=$(metric "$out/$name.json" requests_per_second)
  python3 -c "import sys; w,l=float(sys.argv[1]),float(sys.argv[2]); print(f'{sys.argv[3]}: wrk {w:.0f} req/s, latency-bench {l:.0f} req/s, ratio {l/w:.2f}')" \
    "$wrk_rps" "$lb_rps" "$name" | tee "$out/$name.txt"
}

throughput() {
  start_nginx
  echo "== throughput: concurrency 64, 10 s, nginx static JSON on 127.0.0.1 =="
  versus_wrk http://127.0.0.1:18080/static.json throughput
}

https() {
  start_nginx
  echo "== https throughput: concurrency 64, 10 s, nginx static JSON over TLS on 127.0.0.1 =="
  versus_wrk https://127.0.0.1:18443/static.json https --ca-cert "$cert"
}

openloop() {
  start_nginx
  echo "== open loop: 1,000 req/s constant for 30 s against nginx =="
  lb run --url http://127.0.0.1:18080/static.json --api http --method GET --rate 1000 --duration 30s --warmup 2s \
     --save-results "$out/openloop.json" --progress plain
  python3 - "$out/openloop.json" <<'PY' | tee "$out/openloop.txt"
import json, sys
m = json.load(open(sys.argv[1]))['metrics']
sent, done = m['sent_requests_per_second'], m['requests_per_second']
print(f"target 1000 req/s: sent {sent:.2f} req/s ({(sent/1000-1)*100:+.3f}%), completed {done:.2f} req/s ({(done/1000-1)*100:+.3f}%), "
      f"schedule lag p50 {m['schedule_lag_p50_ms']} ms p99 {m['schedule_lag_p99_ms']} ms, errors {m['failed_requests']:.0f}")
PY
}

# SSE timing against the local server's own flush timestamps. $1 name, $2 port, $3 concurrency, $4 requests,
# $5 warmup requests, $6 TTFT ms, $7 ITL ms, $8 tokens, $9 spin ms, then optionally "https". The server stamps each
# request with the kernel's receive time and each chunk when its write returned; the client's medians are compared
# with the server's over the same streams (the warmup left out). SSE_NICE=-10 runs server and client at that
# niceness (root only), to see the client's accuracy when other work on a shared machine would starve it.
sse_case() {
  name=$1 port=$2 conc=$3 n=$4 warm=$5 ttft=$6 itl=$7 tokens=$8 spin=$9 scheme=${10:-http}
  tls=() flags=() prio=()
  if [ -n "${SSE_NICE:-}" ]; then prio=(nice -n "$SSE_NICE"); fi
  if [ "$scheme" = https ]; then tls=("$cert" "$key"); flags=(--ca-cert "$cert"); fi
  echo "== $name: $conc concurrent streams, first token after $ttft ms, then one every $itl ms ($tokens tokens), $scheme =="
  "${prio[@]}" dotnet run -c Release bench/latency/sse-server.cs -- "$port" "$ttft" "$itl" "$tokens" "$spin" "${tls[@]}" > "$out/$name-server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -skf "$scheme://127.0.0.1:$port/stats" >/dev/null && break; sleep 1; done
  load | tee "$out/$name-load.txt"
  "${prio[@]}" dotnet src/Gates.LatencyBench/bin/Release/net10.0/latency-bench.dll run --url "$scheme://127.0.0.1:$port/v1/chat/completions" --concurrency "$conc" --requests "$n" --warmup-requests "$warm" --no-probe \
     --save-results "$out/$name.json" --progress off "${flags[@]}"
  load | tee -a "$out/$name-load.txt"
  curl -skf "$scheme://127.0.0.1:$port/stats?skip=$warm" > "$out/$name-truth.json"
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  python3 - "$out/$name.json" "$out/$name-truth.json" <<'PY' | tee "$out/$name.txt"
import json, sys
d = json.load(open(sys.argv[1])); m = d['metrics']; t = json.load(open(sys.argv[2]))
print(f"requests {m['successful_requests']:.0f} ok / {m['requests']:.0f}, streams measured by the server {t['requests']} (first {t['skipped']} to arrive, the warmup, left out), "
      f"connections {t['connections']}, server read delay after the kernel's stamp p50 {t['read_delay_median_ms']:.3f} ms p99 {t['read_delay_p99_ms']:.3f} ms, "
      f"kernel-stamped reads {t['kernel_stamped_reads']}, unstamped {t['unstamped_reads']}")
print(f"TTFT median: measured {m['ttft_p50_ms']:.3f} ms, server-side true {t['ttft_median_ms']:.3f} ms, difference {m['ttft_p50_ms']-t['ttft_median_ms']:+.3f} ms")
print(f"ITL median:  measured {m['itl_p50_ms']:.3f} ms, server-side true {t['gap_median_ms']:.3f} ms, difference {m['itl_p50_ms']-t['gap_median_ms']:+.3f} ms")
PY
}

sse() { sse_case sse 18090 4 200 8 50 10 32 2; }
sse1000() { sse_case sse1000 18091 1000 5000 1000 50 50 10 0; }
sse_https() { sse_case sse-https 18092 4 200 8 50 10 32 2 https; }

# Four shard processes at a quarter of the rate each, started 0.1 s apart, merged; then one process at the full rate.
shards() {
  start_nginx
  rate=${SHARD_RATE:-400} each=$(( ${SHARD_RATE:-400} / 4 ))
  echo "== shards: 4 processes at $each req/s each (started 0.1 s apart) vs one at $rate req/s, 20 s, nginx =="
  rm -f "$out"/shard-*.json "$out"/shard-*.hlog
  load | tee "$out/shards-load.txt"
  pids=()
  for i in 1 2 3 4; do
    lb run --url http://127.0.0.1:18080/static.json --api http --method GET --rate "$each" --duration 20s --warmup 2s \
      --shard "$i/4" --save-results "$out/shard-$i.json" --progress off > "$out/shard-$i.log" 2>&1 &
    pids+=($!)
    sleep 0.1
  done
  for p in "${pids[@]}"; do wait "$p" || true; done
  lb merge "$out"/shard-[1-4].json --save-results "$out/shards-merged.json" > "$out/shards-merge.log" 2>&1 || true
  load | tee -a "$out/shards-load.txt"
  lb run --url http://127.0.0.1:18080/static.json --api http --method GET --rate "$rate" --duration 20s --warmup 2s \
     --save-results "$out/shards-single.json" --progress off > "$out/shards-single.log" 2>&1 || true
  load | tee -a "$out/shards-load.txt"
  python3 - "$out/shards-merged.json" "$out/shards-single.json" <<'PY' | tee "$out/shards.txt"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
print(f"merged: valid {a['valid']} {a['invalid_reasons']}, start skew {a['load'].get('shard_start_skew_s')} s (tolerance {a['load'].get('shard_skew_tolerance_s')} s); single: valid {b['valid']} {b['invalid_reasons']}")
print(f"{'metric':32} {'4 shards merged':>16} {'one run':>12} {'difference':>11}")
for k in ['offered_requests_per_second', 'sent_requests_per_second', 'requests_per_second', 'requests', 'error_rate', 'duration_s',
          'latency_p50_ms', 'latency_p90_ms', 'latency_p99_ms', 'schedule_lag_p99_ms']:
    x, y = a['metrics'].get(k), b['metrics'].get(k)
    diff = f"{(x / y - 1) * 100:+.2f} %" if x is not None and y else ""
    print(f"{k:32} {x!s:>16} {y!s:>12} {diff:>11}")
PY
}
memory() {
  start_nginx
  echo "== memory: open loop 2,000 req/s for ${memory_seconds} s with a per-request log, RSS every 10 s =="
  dotnet src/Gates.LatencyBench/bin/Release/net10.0/latency-bench.dll run --url http://127.0.0.1:18080/static.json --api http \
     --method GET --rate 2000 --duration "${memory_seconds}s" --save-results "$out/memory.json" --requests-log "$out/memory-requests.jsonl" \
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
  https) https ;;
  openloop) openloop ;;
  sse) sse ;;
  sse1000) sse1000 ;;
  sse-https) sse_https ;;
  shards) shards ;;
  memory) memory ;;
  all) throughput; https; openloop; sse; sse1000; sse_https; shards; memory ;;
esac
stop_nginx
