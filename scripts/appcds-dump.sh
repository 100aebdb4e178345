#!/usr/bin/env bash
# Dumps the AppCDS archive ./navemu starts with (called by the build: runtime/pom.xml).
#   scripts/appcds-dump.sh JAVA NAVEMU_JAR ARCHIVE HOME
# One run of the jar just built writes every class it loaded into ARCHIVE: the JDK's, Felix's,
# JLine's and, since the bundles are read in place from their unpacked jars, the bundles' too.
# The run is the interactive shell, its commands typed into a pseudo-terminal (util-linux's
# `script`) so that JLine's native terminal, which a person's start uses, is in the archive as well
# as its line reader; where `script` is missing they come through a pipe (a dumb terminal). It opens
# sites served by each kind of lab server a first navigation may meet: www (BoringSSL, HTTP/2, then
# a resumption on a new connection), ecc256 (Bouncy Castle, HTTP/1.1) and tls12 (TLS 1.2); its
# expect puts Gson, which the shell loads only when a JSON line, expect or export first needs it,
# in the archive too. JDK 17 has no -XX:+AutoCreateSharedArchive, hence this run. HOME is its own
# (the first run makes the lab CA, once). A run that fails only leaves no archive: ./navemu then
# starts without one.
set -u
java=$1 jar=$2 archive=$3 home=$4
commands=('open https://www.lab.test/' 'open https://ecc256.lab.test/' 'open https://tls12.lab.test/'
  'open --new-connection https://www.lab.test/' 'expect status == 200' timeline quit)
run=("$java" "-XX:ArchiveClassesAtExit=$archive" '-Xlog:cds*=off' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
  -jar "$jar" --home "$home")
if command -v script >/dev/null 2>&1; then
  printf '%s\n' "${commands[@]}" | script -qec "$(printf '%q ' "${run[@]}")" /dev/null
else
  printf '%s\n' "${commands[@]}" | "${run[@]}"
fi
