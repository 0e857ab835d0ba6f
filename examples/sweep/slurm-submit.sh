#!/usr/bin/env bash
# Submits a sharded Offerlab sweep to Slurm: N array tasks (default 8), then the merge once all of them succeeded.
# Usage: examples/sweep/slurm-submit.sh [N]   (SWEEP_CONFIG, SWEEP_OUT and OFFERLAB are passed on to the jobs)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shards="${1:-8}"
array=$(sbatch --parsable --export=ALL --array="1-$shards" "$here/slurm-shard.sh")
sbatch --export=ALL --dependency="afterok:${array%%;*}" "$here/slurm-merge.sh"
