# Shared helpers for lab.sh. Sourced, never executed.
# Expects LAB_DIR (the lab/ directory) to be set by the caller.

# Runtime state: generated files, logs, PIDs. Never committed.
RUN_DIR=${DEEPMAIL_LAB_RUN:-$LAB_DIR/run}
PID_DIR=$RUN_DIR/pid
LOG_DIR=$RUN_DIR/log
PKI_DIR=$RUN_DIR/pki
DNS_DIR=$RUN_DIR/dns
MAIL_DIR=$RUN_DIR/mail
ENV_FILE=$RUN_DIR/lab.env
# A marker that makes RUN_DIR safe to wipe on the next start.
RUN_MARKER=$RUN_DIR/.deepmail-lab

# Daemons in start order; stop runs in reverse.
DAEMONS="nsd unbound redis dovecot-main dovecot-clear dovecot-tls13 postfix"

say() { printf '%s\n' "$*"; }
die() { printf 'lab: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }

# render TEMPLATE OUT: copy TEMPLATE to OUT, replacing every @NAME@ with the
# value of the exported variable NAME. An unknown name is an error.
render() {
    python3 - "$1" "$2" <<'EOF' || die "cannot render $1"
import os, re, sys
src, dst = sys.argv[1], sys.argv[2]
text = open(src).read()
missing = sorted({m for m in re.findall(r"@([A-Z][A-Z0-9_]*)@", text) if m not in os.environ})
if missing:
    sys.exit("unset template variables in %s: %s" % (src, ", ".join(missing)))
out = re.sub(r"@([A-Z][A-Z0-9_]*)@", lambda m: os.environ[m.group(1)], text)
with open(dst, "w") as f:
    f.write(out)
EOF
}

# pid_of NAME: the recorded PID of a lab daemon, if it is still alive.
pid_of() {
    local f=$PID_DIR/$1.pid pid
    [ -s "$f" ] || return 1
    pid=$(head -n 1 "$f")
    case $pid in ''|*[!0-9]*) return 1 ;; esac
    kill -0 "$pid" 2>/dev/null || return 1
    printf '%s\n' "$pid"
}

# descendants PID: every live descendant of PID, children first listed last.
descendants() {
    local parent=$1 child
    for child in $(ps -o pid= --ppid "$parent" 2>/dev/null); do
        printf '%s\n' "$child"
        descendants "$child"
    done
}

# spawn NAME LOG CMD...: run CMD as a daemon in its own session, with stdin
# from /dev/null, stdout/stderr appended to LOG and every inherited fd above 2
# closed (an inherited pipe would keep the caller's pipeline open forever).
# Records the PID in $PID_DIR/NAME.pid.
spawn() {
    local name=$1 log=$2
    shift 2
    (
        cd / || exit 1
        for fd in /proc/self/fd/*; do
            fd=${fd##*/}
            if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null; fi
        done
        # Not a process-group leader here, so setsid does not fork: $! is the daemon.
        exec setsid "$@" </dev/null >>"$log" 2>&1
    ) &
    printf '%s\n' "$!" >"$PID_DIR/$name.pid"
}

# tcp_open HOST PORT: true when something accepts a TCP connection.
tcp_open() {
    timeout 1 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
}

# wait_tcp NAME HOST PORT...: wait (up to 30 s) until every port accepts, and
# fail early if the daemon NAME died.
wait_tcp() {
    local name=$1 host=$2 port deadline
    shift 2
    deadline=$(( $(date +%s) + 30 ))
    for port in "$@"; do
        until tcp_open "$host" "$port"; do
            pid_of "$name" >/dev/null || daemon_failed "$name"
            [ "$(date +%s)" -lt "$deadline" ] || daemon_failed "$name" "$host:$port not answering"
            sleep 0.1
        done
    done
}

daemon_failed() {
    printf 'lab: %s failed to start%s; last log lines:\n' "$1" "${2:+ ($2)}" >&2
    tail -n 20 "$LOG_DIR/$1.log" >&2 2>/dev/null
    exit 1
}
