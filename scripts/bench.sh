#!/usr/bin/env bash
# Runs one of navemu's benchmarks (a main that prints its figures), after building what it needs.
#   scripts/bench.sh            lists them
#   scripts/bench.sh tls13      runs one (extra arguments go to the benchmark)
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A BENCH=(
  [tls13]="bundles/tls-tls13-ecdhe navemu.tls.tls13ecdhe.HandshakeBenchmark  full TLS 1.3 handshakes/s, ours vs the JDK client"
  [client]="bundles/tls-tls13-ecdhe navemu.tls.tls13ecdhe.ClientBenchmark  our TLS 1.3 client vs the JDK's, bctls and openssl s_time on openssl s_server, and its crypto floor (args: seconds per run, warm-up seconds)"
  [cbc]="bundles/tls-core navemu.tls.core.record.CbcPaddingTimingBenchmark  CBC decode time for padding 0 vs 255 (Lucky13)"
  [jsse]="bundles/tls-jsse navemu.tls.jsse.JsseHandshakeBenchmark  the jsse slot's handshake times"
  [pkix]="bundles/cert-pkix navemu.cert.pkix.PkixBenchmark  validations/s of a warm three-certificate chain, pkix vs the JDK's CertPathValidator"
  [dns]="bundles/dns-dnsjava navemu.dns.dnsjava.ResolveBenchmark  resolution times, cold and cached"
  [doh]="bundles/dns-doh navemu.dns.doh.DohBenchmark  DNS over HTTPS, POST and GET"
  [emulated]="bundles/tcp-emulated navemu.tcp.emulated.EmulatedLinkBenchmark  measured RTT and bandwidth of the emulated link"
  [hsts]="bundles/hsts-core navemu.hsts.core.HstsBenchmark  header parsing and lookups"
  [preload]="bundles/hsts-preload navemu.hsts.preload.PreloadListBenchmark  reading a preload list of today's size (~180k entries): time and heap"
  [hsts-file]="bundles/hsts-file navemu.hsts.file.FileHstsBenchmark  the file store's write cost"
  [lab]="bundles/lab navemu.lab.LabStartBenchmark  lab start-up, cold and warm"
  [shell]="bundles/shell navemu.shell.ShellBenchmark  the shell's own cost per operation"
  [memory]="runtime navemu.runtime.ShellMemoryBenchmark  navemu.jar's RSS over 2,000 lab navigations (args: N, JVM options)"
  [start]="runtime navemu.runtime.StartupBenchmark  start to prompt, median of N (10), beside a bare Felix start (args: N)"
  [replay]="runtime navemu.runtime.ReplayBenchmark  navemu.jar replaying N lab navigations beside curl on the same site, its CPU by thread (args: N, M, JVM options)"

  [network]="runtime navemu.runtime.NetworkTimingBenchmark  each step's network part vs RTT × round trips, first navigation of a fresh JVM vs warm (args: samples)"
  [cold]="runtime navemu.runtime.ColdStartBenchmark  local work of the first navigation vs a warm one, prewarm on and off, a fresh JVM per sample (args: samples)"
  [leafkey]="bundles/tls-core navemu.tls.core.crypto.LeafKeyBenchmark  CertificateVerify with the leaf's key decoded each time vs cached"
)

if [ $# -eq 0 ] || [ -z "${BENCH[$1]+x}" ]; then
  echo "usage: scripts/bench.sh NAME [ARGS…]"
  for name in $(printf '%s\n' "${!BENCH[@]}" | sort); do
    read -r module main what <<<"${BENCH[$name]}"
    printf '  %-10s %s\n' "$name" "$what"
  done
  exit 2
fi
read -r module main what <<<"${BENCH[$1]}"
shift
# Build in the reactor (nothing is installed into ~/.m2, which other checkouts share) and ask Maven
# for the test class path; package, so that the runtime's navemu.jar exists for the memory benchmark.
mvn -B -q -pl "$module" -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
# start, cold, network, replay: navemu.jar (and the bare Felix floor) with the JVM flags ./navemu uses
# (replay: unless JVM options are given after N and M).
if [ "$main" = navemu.runtime.StartupBenchmark ] || [ "$main" = navemu.runtime.ColdStartBenchmark ] \
    || [ "$main" = navemu.runtime.NetworkTimingBenchmark ] || [ "$main" = navemu.runtime.ReplayBenchmark ]; then
  source scripts/jvm-flags.sh
  if [ "$main" = navemu.runtime.ReplayBenchmark ]; then
    JVM_FLAGS+=("${SCRIPT_JVM_FLAGS[@]}") # a replay is a --script run, as ./navemu starts it
  fi
  export NAVEMU_JVM_FLAGS="${JVM_FLAGS[*]}"
fi
exec java -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")" "$main" "$@"
