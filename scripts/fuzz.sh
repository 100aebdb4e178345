#!/usr/bin/env bash
# The hostile-peer fuzzer, for longer than CI runs it: every own TLS client (tls13-ecdhe, tls12-rsa,
# browser) through a mutating proxy in front of the JDK's TLS server and openssl s_server (1.3, 1.2),
# and the dnsjava resolver through a mutating relay in front of the lab's DNS server.
#   scripts/fuzz.sh                     2000 cases per client and for DNS, seeds from the clock
#   scripts/fuzz.sh N                   N cases each
#   scripts/fuzz.sh N --client NAME     one of tls13-ecdhe, tls12-rsa, browser, dns
#   scripts/fuzz.sh 1 --client NAME --seed S    replays one printed case
#   more: --seed S (first seed), --parallel P (cases at once, 32), --timeout-ms T (client read timeout, 2000)
# Prints per client "N handshakes: X ok, Y refused, 0 crashes, 0 hangs, 0 tampered accepted" and every
# failure with its seed; exits 1 when there was any crash, hang or tampered connection accepted.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build in the reactor (nothing is installed into ~/.m2) and ask Maven for the test class path.
mvn -B -q -pl tests/hostile -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/hostile-classpath.txt -Dmdep.includeScope=test >&2
module=tests/hostile
exec java -cp "$module/target/test-classes:$(cat "$module/target/hostile-classpath.txt")" navemu.hostile.TlsFuzzMain "$@"
