#!/usr/bin/env bash
# Builds the Teams app package: ./package.sh <botId> <web app host name> [out.zip]
set -euo pipefail
cd "$(dirname "$0")"
if [ $# -lt 2 ]; then echo "usage: $0 <botId> <host, e.g. itpbot-abc.azurewebsites.net> [out.zip]" >&2; exit 2; fi
[ -d node_modules ] || npm ci --no-audit --no-fund
node package.mjs --bot-id "$1" --domain "$2" ${3:+--out "$3"}
