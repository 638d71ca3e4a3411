# lab.sh status: check every piece of the lab with real clients. One
# PASS/FAIL line per check; non-zero exit if any check failed.

. "$LAB_DIR/lib/status-tls.sh"
. "$LAB_DIR/lib/status-dns.sh"
. "$LAB_DIR/lib/status-mail.sh"

PASSED=0
FAILED=0
PROBE="python3 $LAB_DIR/lib/probe.py"

# check NAME CMD...: PASS if CMD succeeds; otherwise FAIL with its last output
# line. CMD runs in a subshell, so fail_with can end it.
check() {
    local name=$1 out
    shift
    if out=$("$@" 2>&1); then
        PASSED=$((PASSED + 1))
        printf 'PASS  %s\n' "$name"
    else
        FAILED=$((FAILED + 1))
        printf 'FAIL  %s -- %s\n' "$name" "$(printf '%s' "$out" | tail -n 1)"
    fi
}

# fail_with MESSAGE: print MESSAGE and end the check. Only for functions run
# by check.
fail_with() {
    printf '%s\n' "$*"
    exit 1
}

# addr_port ADDR PORT: ADDR:PORT with IPv6 addresses in brackets.
addr_port() {
    case $1 in *:*) printf '[%s]:%s' "$1" "$2" ;; *) printf '%s:%s' "$1" "$2" ;; esac
}

daemon_running() {
    pid_of "$1" >/dev/null || fail_with "not running"
}

# Every TCP/UDP socket of every lab process is bound to loopback, and is
# connected to loopback or to nothing.
loopback_only() {
    local name pid pids="" bad
    for name in $DAEMONS; do
        pid=$(pid_of "$name") || continue
        pids="$pids $pid $(descendants "$pid")"
    done
    [ -n "$pids" ] || fail_with "no lab process"
    # shellcheck disable=SC2086 # one space-separated list
    bad=$(ss -Htanup | awk -v pids=" $(printf '%s ' $pids)" '
        function host(a) { sub(/:[^:]*$/, "", a); gsub(/[][]/, "", a); sub(/%.*/, "", a); return a }
        function loop(a) { return a ~ /^127\./ || a ~ /^::ffff:127\./ || a == "::1" }
        match($0, /pid=[0-9]+/) && index(pids, " " substr($0, RSTART + 4, RLENGTH - 4) " ") {
            l = host($5); p = host($6)
            if (!loop(l) || !(loop(p) || p == "*" || p == "0.0.0.0" || p == "::")) print $1, $5, $6, $7
        }')
    [ -z "$bad" ] || fail_with "non-loopback socket: $(printf '%s' "$bad" | head -n 1)"
}

env_complete() {
    local key value missing=""
    [ -s "$ENV_FILE" ] || fail_with "no $ENV_FILE"
    while IFS='=' read -r key value; do
        case $key in '' | '#'*) continue ;; esac
        [ -n "$value" ] || missing="$missing $key"
        case $key in *_PEM | *_TRUSTSTORE | *_TRUST_ANCHOR | *_DNSKEY)
            [ -s "$value" ] || missing="$missing $key(file)" ;;
        esac
    done <"$ENV_FILE"
    [ -z "$missing" ] || fail_with "empty or missing:$missing"
}

truststore_usable() {
    local keytool
    keytool=$(find_keytool) || fail_with "no keytool"
    "$keytool" -list -keystore "$PKI_DIR/truststore.p12" -storetype PKCS12 \
        -storepass "$LAB_TRUSTSTORE_PASSWORD" | grep -q trustedCertEntry \
        || fail_with "no trusted certificate entry"
}

cert_has_names() {
    local cert=$1 sans name
    sans=$(openssl x509 -in "$cert" -noout -ext subjectAltName)
    for name in "DNS:$LAB_HOST" "DNS:$LAB_DOMAIN" $(printf "SRVName::_%s.$LAB_DOMAIN " $SRV_LABELS); do
        grep -q "$name" <<<"$sans" || fail_with "missing SAN $name"
    done
}

redis_check() {
    local cli="redis-cli -h $LAB_IP4 -p $LAB_REDIS_PORT" pid
    [ "$($cli PING)" = PONG ] || fail_with "no PONG"
    [ "$($cli CONFIG GET save | sed -n 2p)" = "" ] || fail_with "save is not empty"
    [ "$($cli CONFIG GET appendonly | sed -n 2p)" = no ] || fail_with "appendonly is not no"
    pid=$(pid_of redis)
    [ "$(ps -o user= -p "$pid")" = redis ] || fail_with "not running as redis"
    $cli SET deepmail:lab:probe ok EX 10 >/dev/null || fail_with "SET failed"
    [ "$($cli GET deepmail:lab:probe)" = ok ] || fail_with "GET did not return what SET stored"
}

lab_status() {
    local t0 name
    t0=$(now_ms)
    if [ ! -s "$ENV_FILE" ]; then
        printf 'FAIL  lab is not running (no %s); start it with: %s start\n' "$ENV_FILE" "$0"
        return 1
    fi
    # The generated environment carries the TLSA digests the checks compare.
    # shellcheck source=/dev/null
    . "$ENV_FILE"

    say "== processes and environment"
    for name in $DAEMONS; do check "process $name running" daemon_running "$name"; done
    check "every lab socket is on loopback" loopback_only
    check "lab.env has every key, files exist" env_complete
    check "PKCS#12 trust store opens, has the CA as trusted entry" truststore_usable
    check "RSA leaf: DNS-IDs and six SRV-IDs" cert_has_names "$PKI_DIR/rsa.pem"
    check "ECDSA leaf: DNS-IDs and six SRV-IDs" cert_has_names "$PKI_DIR/ecdsa.pem"
    check "redis: PONG, no persistence, runs as redis, SET/GET" redis_check

    status_tls
    status_dns
    status_mail

    say "== $PASSED passed, $FAILED failed ($(($(now_ms) - t0)) ms)"
    [ "$FAILED" -eq 0 ]
}
