#!/bin/sh
# Installs Graphviz's `dot` program through the system package manager when it is missing.
set -eu
if command -v dot >/dev/null 2>&1; then
    exit 0
fi
echo "argmap: Graphviz 'dot' not found; installing it with the system package manager" >&2
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
if command -v apt-get >/dev/null 2>&1; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends graphviz >/dev/null
elif command -v dnf >/dev/null 2>&1; then
    $SUDO dnf install -y graphviz
elif command -v yum >/dev/null 2>&1; then
    $SUDO yum install -y graphviz
elif command -v pacman >/dev/null 2>&1; then
    $SUDO pacman -S --noconfirm graphviz
elif command -v apk >/dev/null 2>&1; then
    $SUDO apk add graphviz
elif command -v brew >/dev/null 2>&1; then
    brew install graphviz
else
    echo "argmap: no supported package manager found; install Graphviz (https://graphviz.org/download/) and re-run" >&2
    exit 1
fi
command -v dot >/dev/null 2>&1 || { echo "argmap: Graphviz was installed but 'dot' is still not on PATH" >&2; exit 1; }
