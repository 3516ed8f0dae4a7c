#!/usr/bin/env bash
# run-vs-kafka.sh: end-to-end throughput of the single-node Millrace server against a real Apache Kafka
# broker (started by ../shared/tools/kafka-anchor.sh), in the same run, on the same machine, with the same
# client commands. Prints records/s, MB/s and server CPU seconds per GB for both, and their ratios.
#
# Producers: Apache Kafka's ProducerPerformance (kafka-tools, anchor classpath), one fresh topic per run.
# Consumers: dev.millrace.benchmarks.AssignConsumerPerf (assign + seekToBeginning over all partitions, no
# consumer group: Millrace has no group coordinator yet), reading the N records of an acks=1 run's topic.
# Each measured run alternates the broker that goes first. Server CPU = utime+stime of the server process
# from /proc/PID/stat around each client command. Both servers are stopped at exit by their saved PIDs.
#
# Environment knobs (defaults in brackets):
#   RUNS [3]  N [2000000] records per run  RECORD_SIZE [100]  PARTITIONS [6]  MODES ["acks1 acksall"]
#   WARMUP_RECORDS [200000] client-side --warmup-records of each producer run (steady-state figures)
#   BROKER_WARMUP_RECORDS [1000000] unrecorded producer pass per mode and broker first (+ one consumer pass)
#   MILLRACE_PORT [29092]  ANCHOR_PORT [19092]  ANCHOR_CONTROLLER_PORT [19093]
#   SERVER_HEAP ["-Xms1g -Xmx1g"] both servers  CLIENT_HEAP ["-Xmx512m"]  MILLRACE_EXTRA_OPTS [""] e.g. JFR
#   KAFKA_LIBS [/tmp/kafka-anchor/libs] jars of an earlier `kafka-anchor.sh fetch` (fetched if absent)
#   OUT_DIR [/tmp/millrace-vs-kafka-<time>] logs + results.tsv (kept)   KEEP_DATA [0] keep both data dirs
#   BUILD [auto] auto = build when jars are missing, 1 = always, 0 = never
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
ANCHOR_SH="${ANCHOR_SH:-$ROOT/../shared/tools/kafka-anchor.sh}"
[[ -x "$ANCHOR_SH" ]] || ANCHOR_SH=/work/shared/tools/kafka-anchor.sh
RUNS="${RUNS:-3}"
N="${N:-2000000}"
RECORD_SIZE="${RECORD_SIZE:-100}"
PARTITIONS="${PARTITIONS:-6}"
MODES="${MODES:-acks1 acksall}"
WARMUP_RECORDS="${WARMUP_RECORDS:-200000}"
BROKER_WARMUP_RECORDS="${BROKER_WARMUP_RECORDS:-1000000}"
MILLRACE_PORT="${MILLRACE_PORT:-29092}"
ANCHOR_PORT="${ANCHOR_PORT:-19092}"
ANCHOR_CONTROLLER_PORT="${ANCHOR_CONTROLLER_PORT:-19093}"
SERVER_HEAP="${SERVER_HEAP:--Xms1g -Xmx1g}"
CLIENT_HEAP="${CLIENT_HEAP:--Xmx512m}"
MILLRACE_EXTRA_OPTS="${MILLRACE_EXTRA_OPTS:-}"
KAFKA_LIBS="${KAFKA_LIBS:-/tmp/kafka-anchor/libs}"
OUT_DIR="${OUT_DIR:-/tmp/millrace-vs-kafka-$(date +%Y%m%d-%H%M%S)}"
KEEP_DATA="${KEEP_DATA:-0}"
BUILD="${BUILD:-auto}"
# the anchor's broker JVM flags, given to Millrace as well
JVM_PERF_OPTS="-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35"
JVM_PERF_OPTS+=" -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true"
CLK_TCK="$(getconf CLK_TCK)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

WORK="$(mktemp -d /tmp/millrace-vs-kafka-data.XXXXXX)"
export ANCHOR_DIR="$WORK/kafka-anchor" PORT="$ANCHOR_PORT" CONTROLLER_PORT="$ANCHOR_CONTROLLER_PORT"
export PARTITIONS BROKER_HEAP="$SERVER_HEAP" CLIENT_HEAP
MILLRACE_PID=""
RESULTS="$OUT_DIR/results.tsv"

log() { echo "[vs-kafka $(date +%H:%M:%S)] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

stop_millrace() {
  [[ -n "$MILLRACE_PID" ]] || return 0
  if kill -0 "$MILLRACE_PID" 2>/dev/null; then
    log "stopping Millrace pid $MILLRACE_PID (SIGTERM)"
    kill -TERM "$MILLRACE_PID" || true
    local i
    for i in $(seq 1 120); do kill -0 "$MILLRACE_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$MILLRACE_PID" 2>/dev/null; then
      log "SIGKILL Millrace pid $MILLRACE_PID"; kill -KILL "$MILLRACE_PID" || true
    fi
  fi
  MILLRACE_PID=""
}

cleanup() {
  local rc=$?
  stop_millrace
  "$ANCHOR_SH" stop >/dev/null 2>&1 || true
  if [[ "$KEEP_DATA" == 1 ]]; then log "data kept in $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_if_needed() {
  local cli_jar bench_jar="$ROOT/benchmarks/target/benchmarks.jar"
  cli_jar="$(ls "$ROOT"/cli/target/cli-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -n 1 || true)"
  if [[ "$BUILD" == 1 || ( "$BUILD" == auto && ( -z "$cli_jar" || ! -f "$bench_jar" ) ) ]]; then
    log "building cli and benchmarks (mvn -B -q -o -DskipTests package -pl cli,benchmarks -am)"
    (cd "$ROOT" && mvn -B -q -o -DskipTests package -pl cli,benchmarks -am) || die "build failed"
  fi
  [[ -f "$ROOT/benchmarks/target/benchmarks.jar" ]] || die "benchmarks/target/benchmarks.jar missing (BUILD=$BUILD)"
}

proc_cpu_s() { awk -v t="$CLK_TCK" '{printf "%.2f", ($14+$15)/t}' "/proc/$1/stat"; }
proc_rss_mb() { awk '/^VmRSS/{printf "%.0f", $2/1024}' "/proc/$1/status"; }
port_listening() { ss -ltn 2>/dev/null | awk '{print $4}' | grep -qE "(^|:)127\.0\.0\.1\]?:$1\$"; }

start_millrace() {
  port_listening "$MILLRACE_PORT" && die "port $MILLRACE_PORT already in use"
  mkdir -p "$WORK/millrace"
  log "starting Millrace on 127.0.0.1:$MILLRACE_PORT (data $WORK/millrace/data)"
  # bin/millrace execs java, so $! is the server JVM
  MILLRACE_OPTS="$SERVER_HEAP $JVM_PERF_OPTS $MILLRACE_EXTRA_OPTS" nohup "$ROOT/bin/millrace" server-start \
    --override "log.dirs=$WORK/millrace/data" --override "listeners=PLAINTEXT://127.0.0.1:$MILLRACE_PORT" \
    --override "num.partitions=$PARTITIONS" >"$OUT_DIR/millrace-server.out" 2>&1 </dev/null &
  MILLRACE_PID=$!
  local i
  for i in $(seq 1 120); do
    if ! kill -0 "$MILLRACE_PID" 2>/dev/null; then
      tail -20 "$OUT_DIR/millrace-server.out" >&2; die "Millrace exited during startup"
    fi
    if grep -q '^Millrace server started' "$OUT_DIR/millrace-server.out" && port_listening "$MILLRACE_PORT"; then
      log "Millrace up, pid $MILLRACE_PID"; return 0
    fi
    sleep 0.5
  done
  die "Millrace did not come up in 60 s (pid $MILLRACE_PID)"
}

start_kafka() {
  mkdir -p "$ANCHOR_DIR"
  [[ -d "$KAFKA_LIBS" ]] && ln -sfn "$KAFKA_LIBS" "$ANCHOR_DIR/libs"
  "$ANCHOR_SH" start
  KAFKA_PID="$(cat "$ANCHOR_DIR/broker.pid")"
}

bootstrap_of() { if [[ "$1" == millrace ]]; then echo "127.0.0.1:$MILLRACE_PORT"; else echo "127.0.0.1:$PORT"; fi; }
pid_of() { if [[ "$1" == millrace ]]; then echo "$MILLRACE_PID"; else echo "$KAFKA_PID"; fi; }

create_topic() { # broker topic
  "$ANCHOR_SH" tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$(bootstrap_of "$1")" --create \
    --topic "$2" --partitions "$PARTITIONS" --replication-factor 1 >/dev/null
}

# one ProducerPerformance run; appends a row to results.tsv
# columns: kind broker mode run records rec_per_s mb_per_s server_cpu_s server_rss_mb topic
producer_run() { # broker mode run records kind
  local broker="$1" mode="$2" run="$3" n="$4" kind="$5"
  local topic="vs-$kind-$mode-r$run" bp; bp="$(pid_of "$broker")"
  local props=(bootstrap.servers="$(bootstrap_of "$broker")" enable.idempotence=false)
  case "$mode" in
    acks1) props+=(acks=1) ;;
    acksall) props+=(acks=all) ;;
    *) die "unknown mode $mode" ;;
  esac
  local extra=(); [[ "$kind" == measure ]] && (( WARMUP_RECORDS > 0 )) && extra+=(--warmup-records "$WARMUP_RECORDS")
  create_topic "$broker" "$topic"
  local out="$OUT_DIR/producer-$broker-$kind-$mode-r$run.log" c0 c1
  c0="$(proc_cpu_s "$bp")"
  "$ANCHOR_SH" tool org.apache.kafka.tools.ProducerPerformance --topic "$topic" --num-records "$n" \
    --record-size "$RECORD_SIZE" --throughput -1 "${extra[@]}" --command-property "${props[@]}" >"$out" 2>&1 \
    || { tail -20 "$out" >&2; die "producer run failed ($broker $mode r$run)"; }
  c1="$(proc_cpu_s "$bp")"
  # prefer the steady-state line (after --warmup-records) when there is one
  local line; line="$(grep -E '^[0-9]+ steady state records sent' "$out" | tail -1 || true)"
  [[ -n "$line" ]] || line="$(grep -E '^[0-9]+ records sent' "$out" | tail -1)"
  local rps mbs
  read -r rps mbs <<<"$(echo "$line" | sed -E 's/.* sent, ([0-9.]+) records\/sec \(([0-9.]+) MB\/sec\).*/\1 \2/')"
  local cpu; cpu="$(awk -v a="$c0" -v b="$c1" 'BEGIN{printf "%.2f", b-a}')"
  printf 'producer-%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$broker" "$mode" "$run" "$n" \
    "$rps" "$mbs" "$cpu" "$(proc_rss_mb "$bp")" "$topic" >> "$RESULTS"
  log "producer $broker $kind $mode r$run: $rps rec/s, $mbs MB/s, server cpu ${cpu}s"
}

consumer_run() { # broker topic run records kind
  local broker="$1" topic="$2" run="$3" n="$4" kind="$5" bp; bp="$(pid_of "$broker")"
  local out="$OUT_DIR/consumer-$broker-$kind-r$run.log" c0 c1
  c0="$(proc_cpu_s "$bp")"
  # shellcheck disable=SC2086
  "$JAVA" $CLIENT_HEAP $JVM_PERF_OPTS -cp "$ROOT/benchmarks/target/benchmarks.jar" \
    dev.millrace.benchmarks.AssignConsumerPerf --bootstrap-server "$(bootstrap_of "$broker")" --topic "$topic" \
    --num-records "$n" >"$out" 2>&1 || { tail -20 "$out" >&2; die "consumer run failed ($broker r$run)"; }
  c1="$(proc_cpu_s "$bp")"
  local line; line="$(grep '^ASSIGN_CONSUMER ' "$out" | tail -1)"
  local rps mbs
  rps="$(echo "$line" | sed -E 's/.* records_per_sec=([0-9.]+).*/\1/')"
  mbs="$(echo "$line" | sed -E 's/.* mb_per_sec=([0-9.]+).*/\1/')"
  local cpu; cpu="$(awk -v a="$c0" -v b="$c1" 'BEGIN{printf "%.2f", b-a}')"
  printf 'consumer-%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$broker" consume "$run" "$n" \
    "$rps" "$mbs" "$cpu" "$(proc_rss_mb "$bp")" "$topic" >> "$RESULTS"
  log "consumer $broker $kind r$run: $rps rec/s, $mbs MB/s, server cpu ${cpu}s"
}

brokers_for_run() { if (( $1 % 2 == 1 )); then echo "millrace kafka"; else echo "kafka millrace"; fi; }

# median [min..max] of column $2 for rows of kind $1 (measure rows), broker $3, mode $4; prints "med min max"
stat_of() {
  awk -F'\t' -v k="$1" -v c="$2" -v b="$3" -v m="$4" -v sz="$RECORD_SIZE" '
    $1 == k && $2 == b && $3 == m { v = (c == "cpu") ? $8 / ($5 * sz / 1e9) : $c; print v }' "$RESULTS" \
    | sort -g | awk '{a[NR]=$1} END { if (NR == 0) { print "nan nan nan"; exit }
        med = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; print med, a[1], a[NR] }'
}

print_summary() {
  local kind mode m k ratio_r ratio_c
  echo
  local kv; kv="$(cat "$ANCHOR_DIR/libs/.kafka-version" 2>/dev/null || echo '?')"
  echo "Millrace vs Apache Kafka $kv: $RUNS runs x $N records of $RECORD_SIZE B, $PARTITIONS partitions;" \
    "median [min..max]; CPU s/GB = server CPU seconds per 10^9 bytes of records"
  printf '| %-8s | %-26s | %-26s | %-6s | %-6s | %-6s | %-21s | %-21s | %-6s |\n' mode "Millrace rec/s" "Kafka rec/s" \
    ratio "M MB/s" "K MB/s" "Millrace CPU s/GB" "Kafka CPU s/GB" ratio
  echo "|----------|----------------------------|----------------------------|--------|--------|--------|$(
    )-----------------------|-----------------------|--------|"
  for mode in $MODES consume; do
    kind=producer-measure; [[ "$mode" == consume ]] && kind=consumer-measure
    read -r mr mrl mrh <<<"$(stat_of "$kind" 6 millrace "$mode")"
    read -r kr krl krh <<<"$(stat_of "$kind" 6 kafka "$mode")"
    read -r mm _ _ <<<"$(stat_of "$kind" 7 millrace "$mode")"
    read -r km _ _ <<<"$(stat_of "$kind" 7 kafka "$mode")"
    read -r mc mcl mch <<<"$(stat_of "$kind" cpu millrace "$mode")"
    read -r kc kcl kch <<<"$(stat_of "$kind" cpu kafka "$mode")"
    ratio_r="$(awk -v a="$mr" -v b="$kr" 'BEGIN{printf "%.2fx", a/b}')"
    ratio_c="$(awk -v a="$mc" -v b="$kc" 'BEGIN{printf "%.2fx", a/b}')"
    printf '| %-8s | %-26s | %-26s | %-6s | %-6.1f | %-6.1f | %-21s | %-21s | %-6s |\n' "$mode" \
      "$(printf '%.0f [%.0f..%.0f]' "$mr" "$mrl" "$mrh")" "$(printf '%.0f [%.0f..%.0f]' "$kr" "$krl" "$krh")" \
      "$ratio_r" "$mm" "$km" "$(printf '%.2f [%.2f..%.2f]' "$mc" "$mcl" "$mch")" \
      "$(printf '%.2f [%.2f..%.2f]' "$kc" "$kcl" "$kch")" "$ratio_c"
  done
  echo "(rec/s and MB/s: producer steady state after $WARMUP_RECORDS client warm-up records; consumer fetch phase."
  echo " Ratios are Millrace / Kafka: >= 1.0x is better for rec/s, <= 1.0x is better for CPU. Logs: $OUT_DIR)"
}

main() {
  mkdir -p "$OUT_DIR"
  : > "$RESULTS"
  build_if_needed
  log "out=$OUT_DIR runs=$RUNS n=$N size=$RECORD_SIZE partitions=$PARTITIONS modes=[$MODES] load: $(uptime)"
  {
    echo "date=$(date -Is) runs=$RUNS n=$N record_size=$RECORD_SIZE partitions=$PARTITIONS modes=$MODES"
    echo "warmup_records=$WARMUP_RECORDS broker_warmup_records=$BROKER_WARMUP_RECORDS server_heap=$SERVER_HEAP"
    echo "java=$("$JAVA" -version 2>&1 | head -1) nproc=$(nproc) load_start=$(uptime)"
    echo "millrace_commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  } > "$OUT_DIR/meta.txt"
  start_millrace
  start_kafka
  local b mode r
  if (( BROKER_WARMUP_RECORDS > 0 )); then
    for b in millrace kafka; do
      for mode in $MODES; do producer_run "$b" "$mode" 0 "$BROKER_WARMUP_RECORDS" warmup; done
      consumer_run "$b" "vs-warmup-$(echo "$MODES" | awk '{print $1}')-r0" 0 "$BROKER_WARMUP_RECORDS" warmup
    done
  fi
  for r in $(seq 1 "$RUNS"); do
    for mode in $MODES; do
      for b in $(brokers_for_run "$r"); do producer_run "$b" "$mode" "$r" "$N" measure; done
    done
  done
  local ctopic_mode; ctopic_mode="$(echo "$MODES" | awk '{print $1}')"
  for r in $(seq 1 "$RUNS"); do
    for b in $(brokers_for_run "$r"); do consumer_run "$b" "vs-measure-$ctopic_mode-r$r" "$r" "$N" measure; done
  done
  echo "load_end=$(uptime) millrace_rss_mb=$(proc_rss_mb "$MILLRACE_PID") kafka_rss_mb=$(proc_rss_mb "$KAFKA_PID")" \
    >> "$OUT_DIR/meta.txt"
  print_summary | tee "$OUT_DIR/summary.txt"
}

main "$@"
