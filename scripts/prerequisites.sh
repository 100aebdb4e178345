#!/usr/bin/env bash
# Installs what navemu needs and a fresh Debian machine may lack.
#
#   scripts/prerequisites.sh          what building and running the shell needs (./navemu):
#                                       a JDK (17 or newer) and Maven
#   scripts/prerequisites.sh --tests  that, plus what only the tests need (./test.sh, .ci/run):
#                                       OpenSSL   a real TLS peer for the interop tests (openssl s_server, ocsp);
#                                       nginx     nginx-light, a real web server for the interop matrix (run by
#                                                 the tests from a temp directory; Debian also starts its service);
#                                       tmux      the shell's real-terminal test;
#                                       strace    that test's check that the prompt forks no process;
#                                       dnsmasq   a real DNS server for the resolver tests;
#                                       chromium  renders the HTML report in a headless browser test;
#                                       tshark    reads `export pcap` files (the test fails without it);
#                                       curl      an independent HTTP/2 client for the lab's h2 responder;
#                                       nginx     an independent HTTP/2 server for our HTTP/2 client.
# Quiet and quick when everything is already there.
set -euo pipefail

tests=false
case "${1:-}" in
  "") ;;
  --tests) tests=true ;;
  *) echo "usage: $0 [--tests]" >&2; exit 2 ;;
esac

need=()
if ! command -v javac >/dev/null 2>&1; then
  need+=(openjdk-17-jdk-headless)
fi
command -v mvn >/dev/null 2>&1 || need+=(maven)
if $tests; then
  command -v openssl >/dev/null 2>&1 || need+=(openssl)
  # Debian puts nginx in /usr/sbin, which a non-root PATH lacks.
  [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || need+=(nginx-light)
  command -v tmux >/dev/null 2>&1 || need+=(tmux)
  command -v strace >/dev/null 2>&1 || need+=(strace)
  command -v dnsmasq >/dev/null 2>&1 || need+=(dnsmasq-base)
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v tshark >/dev/null 2>&1 || need+=(tshark)
  command -v curl >/dev/null 2>&1 || need+=(curl)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
fi

if [ ${#need[@]} -gt 0 ]; then
  echo "navemu: installing ${need[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  # tshark's wireshark-common asks whether non-root users may capture; answer no, without a prompt.
  echo "wireshark-common wireshark-common/install-setuid boolean false" | $sudo debconf-set-selections
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
