#!/usr/bin/env bash
# Installs what the tests need when it is missing, from Debian's packages. Idempotent; prints one line per install.
# tor: integration tests run a private Tor network; zbar-tools: QR round-trip tests; microsocks: SOCKS tests.
set -euo pipefail
needed=()
command -v tor >/dev/null 2>&1 || needed+=(tor)
command -v tor-gencert >/dev/null 2>&1 || needed+=(tor)
command -v zbarimg >/dev/null 2>&1 || needed+=(zbar-tools)
command -v microsocks >/dev/null 2>&1 || needed+=(microsocks)
if [ ${#needed[@]} -gt 0 ]; then
  echo "Installing missing Debian packages: ${needed[*]}"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${needed[@]}" >/dev/null
fi
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required: https://dotnet.microsoft.com/download (Debian: packages.microsoft.com)." >&2; exit 1; }
