#!/usr/bin/env bash
# Whole-process benchmark: `advisor ingest` against `xz -dc X | tar -t`, the floor for reading a tar.xz once.
#
#   tests/benchmarks/ingest-vs-tar.sh [runs]        (default 5 runs of each command per case)
#
# Publishes the CLI in Release, ahead-of-time compiled (dotnet publish src/Advisor.Cli -c Release -r linux-x64
# --self-contained false -p:PublishReadyToRun=true -o <tmp>), which is how it should be deployed, then times, per case, the
# median wall-clock of N runs of each side, the ratio advisor/tar, and advisor's peak RSS (GNU time's
# "Maximum resident set size"). Cases:
#   1. ../shared/realdata/bundles/hotsos-openstack.tar.xz              target: ratio <= 2.0
#   2. a generated ~1 GB (uncompressed) bundle: the openstack tree plus an 800 MB var/log/messages of
#      varied syslog lines, xz -2 single-threaded; generated under /tmp at run time and deleted afterwards
#                                                                     target: ratio <= 1.2, peak RSS <= 250 MB
#   3. two bundles in one `advisor ingest a b --output-dir` against two runs one after the other
#                                                                     target: >= 1.8x the serial throughput
#      (with, as a reference, the same for two `xz -dc`: what two processors give two decompressions here)
#      on two pairs: a. the openstack bundle and a re-compressed copy (3 MB each, below any real
#      sosreport: start-up dominated), b. two generated sosreport-sized bundles (the openstack tree plus
#      64 MB of log each, different text, xz -6: ~18 MB each, the low end of the 10-500 MB real ones),
#      c. the same with 256 MB of log each (~65 MB of xz each, a middling real sosreport)
# (run in the order 1, 3a, 3b, 3c, 2)
# Each advisor run starts from a fresh database. Numbers are wall-clock on whatever else the machine is doing:
# run it on a quiet machine, and read the medians, not single runs.
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=${1:-5}
openstack=../shared/realdata/bundles/hotsos-openstack.tar.xz
if [ ! -f "$openstack" ]; then
  echo "ingest-vs-tar: $openstack not found (../shared must sit beside the repository)" >&2
  exit 2
fi

if [ ! -x /usr/bin/time ]; then
  echo "ingest-vs-tar: installing GNU time for peak-RSS measurement" >&2
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi

work=$(mktemp -d /tmp/advisor-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "publishing: dotnet publish src/Advisor.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o $work/advisor"
dotnet publish src/Advisor.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/advisor" -nologo -v quiet >/dev/null
advisor="$work/advisor/Advisor.Cli"

# median of the numbers on standard input
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# timed <label> <command...>: runs the command $runs times; prints "<median seconds> <max peak RSS KB>"
timed() {
  local label=$1; shift
  : > "$work/times"; : > "$work/rss"
  for _ in $(seq "$runs"); do
    rm -f "$work/bench.db"
    if ! /usr/bin/time -f "%e %M" -o "$work/one" "$@" >/dev/null 2>"$work/stderr"; then
      echo "ingest-vs-tar: '$label' failed:" >&2
      cat "$work/stderr" >&2
      exit 1
    fi
    awk '{ print $1 }' "$work/one" >> "$work/times"
    awk '{ print $2 }' "$work/one" >> "$work/rss"
  done
  printf "  %-34s runs: %s\n" "$label" "$(tr '\n' ' ' < "$work/times")" >&2
  echo "$(median < "$work/times") $(sort -n "$work/rss" | tail -1)"
}

compare() {
  local name=$1 bundle=$2
  local size unpacked
  size=$(du -m "$bundle" | cut -f1)
  unpacked=$(( $(xz -dc "$bundle" | wc -c) / 1024 / 1024 ))
  echo
  echo "case: $name ($size MB compressed, $unpacked MB unpacked)"
  read -r tar_s _ < <(timed "xz -dc | tar -t" sh -c 'xz -dc "$0" | tar -t > /dev/null' "$bundle")
  read -r adv_s adv_rss < <(timed "advisor ingest" "$advisor" ingest "$bundle" --db "$work/bench.db" --output /dev/null --quiet)
  printf "  xz -dc | tar -t      median %6.2f s\n" "$tar_s"
  printf "  advisor ingest       median %6.2f s   peak RSS %d MB\n" "$adv_s" $((adv_rss / 1024))
  printf "  ratio advisor / tar  %6.2f\n" "$(awk -v a="$adv_s" -v b="$tar_s" 'BEGIN { print a / b }')"
}

# 1. the real openstack sosreport
compare "hotsos-openstack.tar.xz (real sosreport)" "$openstack"

# together <name> <a> <b>: both bundles in one command against the two one after the other
together() {
  local name=$1 first=$2 second=$3
  echo
  echo "case: two bundles together vs one after the other: $name ($(du -m "$first" | cut -f1) + $(du -m "$second" | cut -f1) MB)"
  read -r serial_a _ < <(timed "advisor ingest first" "$advisor" ingest "$first" --db "$work/bench.db" --output /dev/null --quiet)
  read -r serial_b _ < <(timed "advisor ingest second" "$advisor" ingest "$second" --db "$work/bench.db" --output /dev/null --quiet)
  read -r both both_rss < <(timed "advisor ingest first second" "$advisor" ingest "$first" "$second" --db "$work/bench.db" --output-dir "$work/reports" --quiet)
  # the reference, in the same invocation: what this machine's processors give two single-threaded
  # decompressions side by side (xz | tar would be two processes each, and so not one processor's work)
  read -r tar_a _ < <(timed "xz -dc first" sh -c 'xz -dc "$0" > /dev/null' "$first")
  read -r tar_b _ < <(timed "xz -dc second" sh -c 'xz -dc "$0" > /dev/null' "$second")
  read -r tar_both _ < <(timed "xz -dc of both at once" sh -c 'xz -dc "$0" > /dev/null & xz -dc "$1" > /dev/null; wait' "$first" "$second")
  local serial tar_serial
  serial=$(awk -v a="$serial_a" -v b="$serial_b" 'BEGIN { print a + b }')
  tar_serial=$(awk -v a="$tar_a" -v b="$tar_b" 'BEGIN { print a + b }')
  printf "  one after the other  median %6.2f s (%.2f + %.2f)\n" "$serial" "$serial_a" "$serial_b"
  printf "  together             median %6.2f s   peak RSS %d MB\n" "$both" $((both_rss / 1024))
  printf "  throughput together / serial  %5.2fx   (%d processors)\n" "$(awk -v a="$serial" -v b="$both" 'BEGIN { print a / b }')" "$(nproc)"
  printf "  reference, xz -dc of the two: %.2f s at once vs %.2f s one after the other: %.2fx\n" \
    "$tar_both" "$tar_serial" "$(awk -v a="$tar_serial" -v b="$tar_both" 'BEGIN { print a / b }')"
}

# generate <out.tar.xz> <seed> <fresh 16 MB blocks> <times each is written> <xz options...>: the openstack
# tree (unpacked once, under $work/gen) plus a var/log/messages of varied syslog lines
generate() {
  local out=$1 seed=$2 blocks=$3 repeats=$4; shift 4
  if [ ! -d "$work/gen" ]; then
    mkdir -p "$work/gen"
    xz -dc "$openstack" | tar -x -C "$work/gen"
  fi
  local top
  top=$(ls "$work/gen")
  mkdir -p "$work/gen/$top/var/log"
  python3 - "$work/gen/$top/var/log/messages" "$seed" "$blocks" "$repeats" <<'PY'
import random, sys
path, seed, blocks, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
daemons = ["kernel", "systemd", "sshd", "nova-compute", "ovs-vswitchd", "ceph-osd", "chronyd", "multipathd"]
words = ["eth0", "link", "up", "down", "timeout", "retry", "queue", "nvme0n1", "scsi", "error", "ok", "blk_update_request",
         "I/O", "sector", "port", "bond0", "vlan", "tx", "rx", "dropped", "latency", "ms", "state", "changed"]
with open(path, "wb") as out:
    for _ in range(blocks):
        lines = []
        size = 0
        while size < 16 * 1024 * 1024:
            line = "Nov %2d %02d:%02d:%02d compute4 %s[%d]: %s\n" % (
                rng.randint(1, 30), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59), rng.choice(daemons),
                rng.randint(100, 99999), " ".join(rng.choice(words) + (str(rng.randint(0, 4096)) if rng.random() < 0.4 else "")
                                                   for _ in range(rng.randint(4, 14))))
            lines.append(line)
            size += len(line)
        # a block written again lies beyond xz -2's 2 MB dictionary, so it costs the decoder as much as fresh text
        block = "".join(lines).encode()
        for _ in range(repeats):
            out.write(block)
PY
  tar -C "$work/gen" -cf - "$top" | xz -z -c "$@" > "$out"
  rm "$work/gen/$top/var/log/messages"
}

# 3a. the openstack bundle and the same re-compressed (a different bundle of the same size)
xz -dc "$openstack" | xz -z -c -T1 -5 > "$work/second.tar.xz"
together "hotsos-openstack.tar.xz and a re-compressed copy" "$openstack" "$work/second.tar.xz"
rm -f "$work/second.tar.xz"

# generated_pair <name> <first seed> <fresh 16 MB blocks of log each>: two generated bundles, each the openstack
# tree plus a different log, xz -6 on two threads, together vs one after the other
generated_pair() {
  local name=$1 seed=$2 blocks=$3
  echo
  echo "generating two bundles with $((blocks * 16)) MB of log each under $work (not kept) ..."
  generate "$work/pair-a.tar.xz" "$seed" "$blocks" 1 -T2 -6
  generate "$work/pair-b.tar.xz" $((seed + 1)) "$blocks" 1 -T2 -6
  together "$name" "$work/pair-a.tar.xz" "$work/pair-b.tar.xz"
  rm -f "$work/pair-a.tar.xz" "$work/pair-b.tar.xz"
}

# 3b. two sosreport-sized bundles with different logs (~18 MB each)
generated_pair "two generated sosreport-sized bundles" 1 4
# 3c. two middling real-sized bundles (~65 MB each; generating them takes a few minutes)
generated_pair "two generated 65 MB bundles" 11 16

# 2 runs last: right after it (its gigabyte written, then deleted) the single ingests of case 3 were seen
# 7-24% slower than in case 1, which flattered the batch
# 2. a generated ~1 GB bundle: the openstack tree plus an 800 MB log
echo
echo "generating the ~1 GB bundle under $work (not kept) ..."
# 16 MB of varied syslog lines written 50 times, xz -2 single-threaded
generate "$work/big.tar.xz" 20261123 1 50 -T1 -2
compare "generated ~1 GB bundle (openstack tree + 800 MB var/log/messages)" "$work/big.tar.xz"
rm -f "$work/big.tar.xz"
