#!/usr/bin/env bash
# Runs Kith. `./kith.sh` starts this device's node (`kith node run`), creating the device first if there is none;
# `./kith.sh ARGS` runs `kith ARGS` (e.g. `./kith.sh id`, `./kith.sh contact add KITH-...`).
# On a fresh Debian machine it installs tor when it is missing and it can (root or password-less sudo); the node
# itself never installs anything and explains what to do when tor is missing. It builds `kith` and `kith-node`
# side by side into artifacts/kith; the node opens nothing but loopback sockets (its API on 127.0.0.1, tor's ports).
set -euo pipefail
cd "$(dirname "$0")"
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required: https://dotnet.microsoft.com/download" >&2; exit 1; }

if ! command -v tor >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then sudo_cmd=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo_cmd="sudo"; else sudo_cmd="none"; fi
  if [ "$sudo_cmd" != none ]; then
    echo "Installing tor (Debian package)..."
    $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq tor >/dev/null
    # Kith starts its own tor; Debian's system-wide tor service is not needed.
  else
    echo "tor is not installed and this script cannot install it (no root): run 'sudo apt-get install tor'." >&2
  fi
fi

out=artifacts/kith
dotnet build src/Kith.Node -c Release -o "$out" -v quiet -nologo >/dev/null
dotnet build src/Kith.Cli -c Release -o "$out" -v quiet -nologo >/dev/null
kith=("$out/kith")

if [ $# -eq 0 ]; then
  data="${XDG_DATA_HOME:-$HOME/.local/share}/kith"
  case "${XDG_DATA_HOME:-}" in /*|"") ;; *) data="$HOME/.local/share/kith" ;; esac
  if [ ! -f "$data/kith.db" ]; then
    echo "No Kith device in $data yet: creating one."
    read -r -p "Your name, as contacts will see it: " name
    "${kith[@]}" init --name "$name"
  fi
  exec "${kith[@]}" node run
fi
exec "${kith[@]}" "$@"
