#!/usr/bin/env bash
# Runs every test of navemu: unit tests of each bundle, then integration tests that boot the
# real Felix runtime with the real bundles against the lab world. Loopback only.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/prerequisites.sh --tests
exec mvn -B verify "$@"
