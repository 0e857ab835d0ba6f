#!/usr/bin/env bash
# One shard of an Offerlab sweep as a Slurm array task. Submit it with slurm-submit.sh, which sets --array=1-N
# and then queues slurm-merge.sh to run after every shard succeeded.
#
# Slurm sets SLURM_ARRAY_TASK_ID (1..N here) and SLURM_ARRAY_TASK_COUNT (N) in each array task.
# SWEEP_CONFIG and SWEEP_OUT say which sweep and where its shards go (a folder every node can write).
#SBATCH --job-name=offerlab-sweep
#SBATCH --cpus-per-task=2
#SBATCH --mem=6G
#SBATCH --output=offerlab-sweep-%A_%a.log
set -euo pipefail
config="${SWEEP_CONFIG:-examples/sweep/sweep.yaml}"
out="${SWEEP_OUT:-sweep-out}"
shard="${SLURM_ARRAY_TASK_ID:?not a Slurm array task: SLURM_ARRAY_TASK_ID is unset}"
shards="${SLURM_ARRAY_TASK_COUNT:?not a Slurm array task: SLURM_ARRAY_TASK_COUNT is unset}"
exec "${OFFERLAB:-offerlab}" sweep --config "$config" --shard "$shard/$shards" --out "$out/shard-$shard"
