# Shared helpers for lab.sh. Sourced, never executed.
# Expects LAB_DIR (the lab/ directory) to be set by the caller.

# Runtime state: generated files, logs, PIDs. Never committed.
RUN_DIR=${DEEPMAIL_LAB_RUN:-$LAB_DIR/run}
case $RUN_DIR in /*) ;; *) RUN_DIR=$PWD/$RUN_DIR ;; esac
PID_DIR=$RUN_DIR/pid
LOG_DIR=$RUN_DIR/log
PKI_DIR=$RUN_DIR/pki
DNS_DIR=$RUN_DIR/dns
MAIL_DIR=$RUN_DIR/mail
# The file the interop tests read; DEEPMAIL_LAB_ENV names it for them too.
ENV_FILE=${DEEPMAIL_LAB_ENV:-$RUN_DIR/lab.env}
# A marker that makes RUN_DIR safe to wipe on the next start.
RUN_MARKER=$RUN_DIR/.deepmail-lab

# Daemons in start order; stop runs in reverse.
DAEMONS="nsd unbound redis dovecot-main dovecot-clear dovecot-tls13 postfix"

say() { printf '%s\n' "$*"; }
die() { printf 'lab: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }

# render TEMPLATE OUT: copy TEMPLATE to OUT, replacing every @NAME@ with the
# value of the variable NAME. An unset name is an error.
render() {
    local text name
    text=$(<"$1")
    while [[ $text =~ @([A-Z][A-Z0-9_]*)@ ]]; do
        name=${BASH_REMATCH[1]}
        [ -n "${!name+set}" ] || die "$1: template variable $name is not set"
        text=${text//"@$name@"/"${!name}"}
    done
    printf '%s\n' "$text" >"$2"
}

# daemon_exe NAME: the executable of lab daemon NAME (a guard against acting
# on a recycled PID; process titles are no use, NSD and Dovecot rewrite them).
daemon_exe() {
    case $1 in
        nsd) readlink -f "$(command -v nsd)" ;;
        unbound) readlink -f "$(command -v unbound)" ;;
        redis) readlink -f "$(command -v redis-server)" ;;
        dovecot-*) readlink -f "$(command -v dovecot)" ;;
        postfix) readlink -f /usr/lib/postfix/sbin/master ;;
        *) return 1 ;;
    esac
}

# recorded_pid NAME: the PID recorded for lab daemon NAME.
recorded_pid() {
    local pid
    [ -s "$PID_DIR/$1.pid" ] || return 1
    pid=$(head -n 1 "$PID_DIR/$1.pid")
    case $pid in '' | *[!0-9]*) return 1 ;; esac
    printf '%s\n' "$pid"
}

# alive PID: the process exists and is not a zombie.
alive() {
    local state
    state=$(sed -n 's/^.*) \(.\).*/\1/p' "/proc/$1/stat" 2>/dev/null) || return 1
    [ -n "$state" ] && [ "$state" != Z ]
}

# pid_of NAME: the recorded PID of lab daemon NAME, if that daemon still runs.
pid_of() {
    local pid
    pid=$(recorded_pid "$1") || return 1
    alive "$pid" || return 1
    [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$(daemon_exe "$1")" ] || return 1
    printf '%s\n' "$pid"
}

# descendants PID: every live descendant of PID.
descendants() {
    local child
    for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
        printf '%s\n' "$child"
        descendants "$child"
    done
}

# close_fds: close every fd above 2 of the current (sub)shell. A daemon that
# inherits the caller's pipe keeps the caller's pipeline open forever.
close_fds() {
    local fd
    for fd in /proc/self/fd/*; do
        fd=${fd##*/}
        if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null; fi
    done
}

# spawn NAME CMD...: run CMD as a daemon that stays in the foreground, in its
# own session, stdin from /dev/null, output appended to $LOG_DIR/NAME.log and
# no inherited fd above 2. Records its PID in $PID_DIR/NAME.pid.
spawn() {
    local name=$1
    shift
    (
        close_fds
        cd /
        # Not a process-group leader here, so setsid does not fork: $! is the daemon.
        exec setsid "$@" </dev/null >>"$LOG_DIR/$name.log" 2>&1
    ) &
    printf '%s\n' "$!" >"$PID_DIR/$name.pid"
}

# run_detached LOG CMD...: run CMD (which daemonizes by itself) to completion
# in a new session, with the same fd hygiene as spawn.
run_detached() {
    local log=$1
    shift
    (
        close_fds
        cd /
        exec setsid "$@" </dev/null >>"$log" 2>&1
    )
}

# tcp_open HOST PORT: true when something accepts a TCP connection.
tcp_open() {
    timeout 1 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
}

# dns_answers SERVER PORT: true when SERVER answers a query for test. SOA.
dns_answers() {
    dig @"$1" -p "$2" +time=1 +tries=1 test. SOA >/dev/null 2>&1
}

# wait_until NAME CMD...: wait up to 30 s for CMD to succeed; fail early,
# with the daemon's log, if lab daemon NAME has died.
wait_until() {
    local name=$1 deadline
    shift
    deadline=$(($(date +%s) + 30))
    until "$@"; do
        # Alive, not pid_of: right after spawn the PID may not have exec'd yet.
        alive "$(recorded_pid "$name")" || daemon_failed "$name" "exited"
        [ "$(date +%s)" -lt "$deadline" ] || daemon_failed "$name" "no answer: $*"
        sleep 0.1
    done
}

daemon_failed() {
    printf 'lab: %s failed to start (%s); last log lines:\n' "$1" "$2" >&2
    tail -n 20 "$LOG_DIR/$1.log" >&2 2>/dev/null
    exit 1
}
