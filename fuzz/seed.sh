#!/usr/bin/env bash
# Seed both fuzz corpora with the bundled documents (not committed: they are copies).
set -euo pipefail
cd "$(dirname "$0")"
for t in parse extract; do
  mkdir -p "corpus/$t"
  cp ../seeds/*.txt ../corpus/*.txt "corpus/$t/"
done
echo "seeded: $(ls corpus/parse | wc -l) files per target"
