#!/bin/sh
# Installs Chromium (for the test that looks at the HTML report in a real browser) through
# apt when it is missing. Never fails the build: without Chromium that one test is skipped.
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "argmap: Chromium not found and apt-get is not available; the browser test will be skipped" >&2
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo -n"; fi
echo "argmap: installing Chromium for the browser test of the report" >&2
{ $SUDO apt-get update -qq \
  && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null; } \
  || echo "argmap: could not install Chromium; the browser test will be skipped" >&2
exit 0
