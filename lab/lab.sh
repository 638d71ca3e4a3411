#!/usr/bin/env bash
# Interop lab: real Dovecot, Postfix, NSD + Unbound (DNSSEC) and Redis on loopback.
# Usage: lab/lab.sh install|start|status|stop|restart
set -euo pipefail

LAB_DIR=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lab.conf
. "$LAB_DIR/lab.conf"
# shellcheck source=lib/common.sh
. "$LAB_DIR/lib/common.sh"

case ${1:-} in
    install)
        . "$LAB_DIR/lib/install.sh"
        lab_install
        ;;
    start | status | stop | restart)
        . "$LAB_DIR/lib/lifecycle.sh"
        "lab_$1"
        ;;
    *)
        say "usage: $0 install|start|status|stop|restart" >&2
        exit 2
        ;;
esac
