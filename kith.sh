#!/usr/bin/env bash
# Runs Kith: builds the `kith` command line and passes the arguments on (no arguments: help).
set -euo pipefail
cd "$(dirname "$0")"
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required: https://dotnet.microsoft.com/download" >&2; exit 1; }
dotnet build src/Kith.Cli -c Release -v quiet -nologo >/dev/null
exec dotnet src/Kith.Cli/bin/Release/net10.0/kith.dll "${@:---help}"
