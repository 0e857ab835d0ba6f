#!/usr/bin/env bash
# Side by side with CloudSim Plus 7.3.0 (docs/benchmarks.md): PAIRS pairs of whole-process runs on one generated
# list of 100,000 tasks, one simulator after the other (CloudSim Plus, Offerlab, CloudSim Plus, ...), each timed by
# /usr/bin/time -v with JVM start included. Prints each run's wall time, the 1-minute load average just before it,
# the makespan and mean response it simulated, then the medians and the ratio CloudSim / Offerlab.
#
# Usage: examples/peer/pairs.sh [PAIRS] [WORKDIR]        (defaults: 3, /tmp/offerlab-peer)
# Needs jmh/target/benchmarks.jar and cli/target/offerlab.jar, built from the same tree:
#   mvn -B -q package -DskipTests -pl cli,jmh -am
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pairs="${1:-3}"
work="${2:-/tmp/offerlab-peer}"
bench="$here/jmh/target/benchmarks.jar"
zero="$here/examples/peer/zero.yaml"
list="$work/tasks100k.jsonl"
for f in "$bench" "$here/cli/target/offerlab.jar" /usr/bin/time; do
  [[ -e "$f" ]] || { echo "pairs.sh: missing $f (build with: mvn -B -q package -DskipTests -pl cli,jmh -am)" >&2; exit 2; }
done
mkdir -p "$work"
# Not timed: the launcher rebuilds a stale jar here rather than inside a timed run.
"$here/offerlab" --version >/dev/null
[[ -f "$list" ]] || java -cp "$bench" io.offerlab.jmh.peer.TaskList --tasks 100000 --seed 1 --out "$list"

wall() {  # seconds from /usr/bin/time's "Elapsed (wall clock) time (h:mm:ss or m:ss): M:SS.ss"
  sed -n 's/.*Elapsed (wall clock) time.*: //p' "$1" | awk -F: '{s=0; for (i=1;i<=NF;i++) s=s*60+$i; printf "%.2f", s}'
}
user() { sed -n 's/.*User time (seconds): //p' "$1"; }
load1() { cut -d' ' -f1 /proc/loadavg; }
median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else printf "%.2f\n", (v[NR/2]+v[NR/2+1])/2}'; }

printf '%-4s %-8s %6s %8s %8s %10s %10s\n' pair side load1 wall_s user_s makespan mean_resp
: > "$work/cloudsim.wall"; : > "$work/offerlab.wall"; : > "$work/cloudsim.user"; : > "$work/offerlab.user"
for i in $(seq 1 "$pairs"); do
  l=$(load1)
  /usr/bin/time -v java -cp "$bench" io.offerlab.jmh.peer.CloudSimRun "$list" > "$work/cloudsim-$i.log" 2>&1
  line=$(grep '^CloudSim Plus' "$work/cloudsim-$i.log")
  ms=$(sed 's/.*makespan \([0-9.]*\) s.*/\1/' <<< "$line"); mr=$(sed 's/.*mean response \([0-9.]*\) s.*/\1/' <<< "$line")
  w=$(wall "$work/cloudsim-$i.log"); echo "$w" >> "$work/cloudsim.wall"; cms=$ms; cmr=$mr
  u=$(user "$work/cloudsim-$i.log"); echo "$u" >> "$work/cloudsim.user"
  printf '%-4s %-8s %6s %8s %8s %10s %10s\n' "$i" cloudsim "$l" "$w" "$u" "$ms" "$mr"

  l=$(load1)
  rm -rf "$work/offerlab-$i"
  /usr/bin/time -v "$here/offerlab" simulate --workload "native:$list" --allocator drf \
      --cluster 'uniform:1000:cpus:4;mem:4096' --config "$zero" --seed 1 --out "$work/offerlab-$i" \
      > "$work/offerlab-$i.log" 2>&1
  res="$work/offerlab-$i/results.json"
  ms=$(sed -n 's/.*"makespanSeconds": \([0-9.]*\).*/\1/p' "$res" | head -1)
  mr=$(awk '/"jobCompletionSeconds"/ {f=1} f && /"mean"/ {gsub(/[",]/, ""); print $2; exit}' "$res")
  w=$(wall "$work/offerlab-$i.log"); echo "$w" >> "$work/offerlab.wall"
  u=$(user "$work/offerlab-$i.log"); echo "$u" >> "$work/offerlab.user"
  printf '%-4s %-8s %6s %8s %8s %10s %10s\n' "$i" offerlab "$l" "$w" "$u" "$ms" "$mr"
done
awk -v a="$mr" -v b="$cmr" -v x="$ms" -v y="$cms" 'BEGIN {
  printf "last pair: Offerlab mean JCT / CloudSim mean response = %.4f (must be within 5%%), makespans %.5f (1%%)\n",
      a / b, x / y }'
c=$(median < "$work/cloudsim.wall"); o=$(median < "$work/offerlab.wall")
cu=$(median < "$work/cloudsim.user"); ou=$(median < "$work/offerlab.user")
awk -v c="$c" -v o="$o" -v cu="$cu" -v ou="$ou" -v n="$pairs" 'BEGIN {
  printf "median wall over %d runs: CloudSim Plus %.2f s, Offerlab %.2f s; CloudSim / Offerlab = %.2f\n", n, c, o, c / o
  printf "median user CPU: CloudSim Plus %.2f s, Offerlab %.2f s; CloudSim / Offerlab = %.2f\n", cu, ou, cu / ou }'
