#!/usr/bin/env bash
# Installs what navemu's build and tests need and a fresh Debian machine may lack:
# a JDK (17 or newer), Maven, OpenSSL (a real TLS peer in the interop tests) and tmux
# (the shell's terminal test) and dnsmasq (a real DNS server for the resolver tests). Quiet and quick when everything is already there.
set -euo pipefail

need=()
if ! command -v javac >/dev/null 2>&1; then
  need+=(openjdk-17-jdk-headless)
fi
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v dnsmasq >/dev/null 2>&1 || need+=(dnsmasq-base)

if [ ${#need[@]} -gt 0 ]; then
  echo "navemu: installing ${need[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
