#!/usr/bin/env bash
# Prepare a machine for the portal: Python virtualenv, pinned packages, system tools.
# Usage: scripts/bootstrap.sh [dev]   ("dev" adds test tools, PostgreSQL and Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3.11}"
VENV="${VENV:-.venv}"
APT_UPDATED=""

apt_install() {
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
            echo "Missing system packages: $*. Install them with apt-get (as root) and run again." >&2
            exit 1
        fi
    fi
    if [ -z "$APT_UPDATED" ]; then
        $sudo apt-get update -qq
        APT_UPDATED=1
    fi
    echo "Installing Debian packages: $*"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v "$PYTHON" >/dev/null 2>&1; then
    apt_install python3.11 python3.11-venv
fi

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import sys; assert sys.version_info[:2] == (3, 11)" 2>/dev/null; then
    rm -rf "$VENV"
    if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
        rm -rf "$VENV"
        apt_install python3.11-venv || apt_install python3-venv
        "$PYTHON" -m venv "$VENV"
    fi
fi

command -v msgfmt >/dev/null 2>&1 || apt_install gettext
# WeasyPrint (the programme booklet) draws text with pango.
ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0" || apt_install libpango-1.0-0 libpangoft2-1.0-0

REQS=(-r requirements.txt)
if [ "${1:-}" = "dev" ]; then
    REQS+=(-r requirements-dev.txt)
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || apt_install postgresql
    [ -x /usr/bin/chromium ] || apt_install chromium
    # pdftotext reads the booklet's text back in the tests.
    command -v pdftotext >/dev/null 2>&1 || apt_install poppler-utils
fi

STAMP="$VENV/.installed-$(cat requirements*.txt | sha256sum | cut -c1-16)-${1:-run}"
if [ ! -f "$STAMP" ]; then
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${REQS[@]}"
    touch "$STAMP"
fi
