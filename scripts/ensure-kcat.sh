#!/usr/bin/env bash
# Makes sure kcat (the librdkafka command-line client) is on PATH; KcatIT runs this before its tests.
# Idempotent: does nothing when kcat is already installed. Installs the Debian package otherwise,
# through sudo only when not running as root. Exits non-zero with a reason when it cannot.
set -euo pipefail

if command -v kcat >/dev/null 2>&1; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-kcat: kcat is not installed and apt-get is not available; install kcat (librdkafka CLI) by hand" >&2
    exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root="sudo -n"
else
    echo "ensure-kcat: kcat is not installed and installing it needs root (not root, no passwordless sudo)" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! $as_root apt-get update -qq >&2; then
    echo "ensure-kcat: apt-get update failed" >&2
    exit 1
fi
if ! $as_root apt-get install -y -qq kcat >&2; then
    echo "ensure-kcat: apt-get install kcat failed" >&2
    exit 1
fi
if ! command -v kcat >/dev/null 2>&1; then
    echo "ensure-kcat: the kcat package installed but no kcat command is on PATH" >&2
    exit 1
fi
