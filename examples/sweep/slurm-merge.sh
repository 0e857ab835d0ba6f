#!/usr/bin/env bash
# The merge step of a sharded Offerlab sweep: combines the shards' runs into SWEEP_OUT/merged (sweep.csv, charts).
# slurm-submit.sh queues it with --dependency=afterok on the array job, so it runs once every shard succeeded.
#SBATCH --job-name=offerlab-sweep-merge
#SBATCH --cpus-per-task=1
#SBATCH --mem=2G
#SBATCH --output=offerlab-sweep-merge-%j.log
set -euo pipefail
config="${SWEEP_CONFIG:-examples/sweep/sweep.yaml}"
out="${SWEEP_OUT:-sweep-out}"
shopt -s nullglob
shard_dirs=("$out"/shard-*)
if (( ${#shard_dirs[@]} == 0 )); then
  echo "slurm-merge.sh: no shard folders under $out" >&2
  exit 2
fi
exec "${OFFERLAB:-offerlab}" sweep --config "$config" --merge --out "$out/merged" "${shard_dirs[@]}"
