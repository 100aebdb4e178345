#!/usr/bin/env bash
# Installs what navemu's build and tests need and a fresh Debian machine may lack:
#   a JDK (17 or newer) and Maven;
#   OpenSSL      a real TLS peer for the interop tests (openssl s_server, ocsp);
#   tmux         the shell's real-terminal test;
#   dnsmasq      a real DNS server for the resolver tests;
#   chromium     renders the HTML report in a headless browser test.
# Quiet and quick when everything is already there.
set -euo pipefail

need=()
if ! command -v javac >/dev/null 2>&1; then
  need+=(openjdk-17-jdk-headless)
fi
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v dnsmasq >/dev/null 2>&1 || need+=(dnsmasq-base)
command -v chromium >/dev/null 2>&1 || need+=(chromium)

if [ ${#need[@]} -gt 0 ]; then
  echo "navemu: installing ${need[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
