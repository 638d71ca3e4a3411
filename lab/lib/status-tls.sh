# TLS checks with openssl s_client: implicit TLS and STARTTLS/STLS on every
# TLS port, RSA and ECDSA, TLS 1.2 and 1.3, and DANE against the lab's TLSA.

# s_client ADDR PORT MODE ARGS...: MODE is implicit, imap, pop3 or smtp.
s_client() {
    local target mode=$3
    target=$(addr_port "$1" "$2")
    shift 3
    if [ "$mode" = implicit ]; then
        timeout 15 openssl s_client -connect "$target" "$@" </dev/null 2>&1
    else
        timeout 15 openssl s_client -connect "$target" -starttls "$mode" "$@" </dev/null 2>&1
    fi
}

# key_args KEY VERSION: make the server pick its RSA or its ECDSA certificate.
# TLS 1.3 selects by signature algorithm, TLS 1.2 by cipher suite.
key_args() {
    case $1/$2 in
        rsa/1.3) echo "-tls1_3 -sigalgs rsa_pss_rsae_sha256" ;;
        ecdsa/1.3) echo "-tls1_3 -sigalgs ecdsa_secp256r1_sha256" ;;
        rsa/1.2) echo "-tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256" ;;
        ecdsa/1.2) echo "-tls1_2 -cipher ECDHE-ECDSA-AES128-GCM-SHA256" ;;
    esac
}

# leaf_key OUTPUT: the public key type of the served leaf (rsa or ecdsa).
leaf_key() {
    case $(grep -m 1 -A 2 '^ 0 s:' <<<"$1" | grep 'a:PKEY:') in
        *rsaEncryption*) echo rsa ;;
        *id-ecPublicKey*) echo ecdsa ;;
    esac
}

# tls_ok ADDR PORT MODE KEY VERSION: a verified handshake (CA + host name)
# with the asked-for version and the asked-for certificate.
tls_ok() {
    local out
    # shellcheck disable=SC2046
    out=$(s_client "$1" "$2" "$3" -servername "$LAB_HOST" -CAfile "$PKI_DIR/ca.pem" \
        -verify_hostname "$LAB_HOST" -verify_return_error $(key_args "$4" "$5")) \
        || fail_with "handshake failed: $(grep -m 1 -iE 'error|alert|didn.t' <<<"$out")"
    grep -q '^Verification: OK' <<<"$out" || fail_with "not verified"
    grep -q "^New, TLSv$5," <<<"$out" || fail_with "not TLSv$5: $(grep -m 1 '^New,' <<<"$out")"
    [ "$(leaf_key "$out")" = "$4" ] || fail_with "served a $(leaf_key "$out") certificate, not $4"
}

# tls_refused ADDR PORT MODE VERSION: no handshake at that version.
tls_refused() {
    local out
    if out=$(s_client "$1" "$2" "$3" -servername "$LAB_HOST" "-tls1_${4#1.}"); then
        fail_with "handshake succeeded: $(grep -m 1 '^New,' <<<"$out")"
    fi
}

# starttls_absent ADDR PORT MODE: the server offers no STARTTLS/STLS.
starttls_absent() {
    local out
    if out=$(s_client "$1" "$2" "$3"); then
        fail_with "STARTTLS worked: $(grep -m 1 '^New,' <<<"$out")"
    fi
    grep -qiE "didn't find starttls|STARTTLS not supported|not supported|-ERR" <<<"$out" \
        || fail_with "failed, but not for lack of STARTTLS: $(tail -n 1 <<<"$out")"
}

# dane_rrdata HOST PORT: the TLSA RRset of _PORT._tcp.HOST from the validating
# resolver (AD required), as s_client -dane_tlsa_rrdata arguments in DANE_ARGS.
dane_rrdata() {
    local out u s m data
    DANE_ARGS=()
    out=$(dig @"$LAB_IP4" -p "$LAB_DNS_PORT" +dnssec +time=2 +tries=1 TLSA "_$2._tcp.$1")
    grep -q '^;; flags:.* ad[ ;]' <<<"$out" || fail_with "TLSA at _$2._tcp.$1 not authenticated"
    while read -r u s m data; do
        [ -n "$data" ] && DANE_ARGS+=(-dane_tlsa_rrdata "$u $s $m $data")
    done < <(dig @"$LAB_IP4" -p "$LAB_DNS_PORT" +short +nosplit +time=2 +tries=1 TLSA "_$2._tcp.$1")
    [ "${#DANE_ARGS[@]}" -gt 0 ] || fail_with "no TLSA at _$2._tcp.$1"
}

# dane_s_client ADDR PORT MODE HOST KEY: s_client with OpenSSL's DANE
# verification against DANE_ARGS and no PKIX trust at all.
dane_s_client() {
    # shellcheck disable=SC2046
    s_client "$1" "$2" "$3" -servername "$4" -no-CAfile -no-CApath -no-CAstore \
        -dane_tlsa_domain "$4" "${DANE_ARGS[@]}" -verify_return_error $(key_args "$5" 1.3)
}

dane_ok() {
    local out
    dane_rrdata "$4" "$2"
    out=$(dane_s_client "$@") || fail_with "DANE verification failed: $(grep -m 1 -i 'verify error' <<<"$out")"
    grep -q '^Verification: OK' <<<"$out" || fail_with "not verified"
    grep -q '^DANE TLSA .* matched' <<<"$out" || fail_with "no DANE match reported"
}

# dane_rejected ADDR PORT MODE HOST KEY: the TLSA RRset is authenticated, and
# the handshake fails DANE verification.
dane_rejected() {
    local out
    dane_rrdata "$4" "$2"
    if out=$(dane_s_client "$@"); then fail_with "DANE verification succeeded"; fi
    grep -qi 'verify error' <<<"$out" || fail_with "failed, but not in verification: $(tail -n 1 <<<"$out")"
}

status_tls() {
    local key ver ip port mode
    say "== TLS (openssl s_client; verified against the lab CA and $LAB_HOST)"
    for spec in "$LAB_IMAPS_PORT implicit" "$LAB_IMAP_PORT imap" "$LAB_POP3S_PORT implicit" "$LAB_POP3_PORT pop3" \
        "$LAB_SUBMISSIONS_PORT implicit" "$LAB_SUBMISSION_PORT smtp"; do
        read -r port mode <<<"$spec"
        for ver in 1.3 1.2; do
            for key in rsa ecdsa; do
                check "tls $LAB_IP4:$port $mode TLSv$ver $key" tls_ok "$LAB_IP4" "$port" "$mode" "$key" "$ver"
            done
        done
        for ip in "$LAB_STRICT_IP" "$LAB_IP6"; do
            check "tls $(addr_port "$ip" "$port") $mode TLSv1.3 ecdsa" tls_ok "$ip" "$port" "$mode" ecdsa 1.3
            check "tls $(addr_port "$ip" "$port") $mode TLSv1.2 rsa" tls_ok "$ip" "$port" "$mode" rsa 1.2
        done
    done

    say "== TLS-1.3-only instance"
    for spec in "$LAB_TLS13_IMAPS_PORT implicit" "$LAB_TLS13_IMAP_PORT imap" "$LAB_TLS13_POP3S_PORT implicit" \
        "$LAB_TLS13_POP3_PORT pop3"; do
        read -r port mode <<<"$spec"
        for key in rsa ecdsa; do
            check "tls13-only $LAB_IP4:$port $mode TLSv1.3 $key" tls_ok "$LAB_IP4" "$port" "$mode" "$key" 1.3
        done
        check "tls13-only $LAB_IP4:$port $mode refuses TLSv1.2" tls_refused "$LAB_IP4" "$port" "$mode" 1.2
    done

    say "== cleartext-only instance"
    check "cleartext $LAB_IP4:$LAB_CLEAR_IMAP_PORT offers no STARTTLS (s_client -starttls imap fails)" \
        starttls_absent "$LAB_IP4" "$LAB_CLEAR_IMAP_PORT" imap
    check "cleartext $LAB_IP4:$LAB_CLEAR_POP3_PORT offers no STLS (s_client -starttls pop3 fails)" \
        starttls_absent "$LAB_IP4" "$LAB_CLEAR_POP3_PORT" pop3

    say "== DANE (TLSA from the validating resolver, verified by s_client without CA trust)"
    for key in rsa ecdsa; do
        check "dane 3 1 1 $LAB_HOST:$LAB_IMAPS_PORT implicit $key" dane_ok "$LAB_IP4" "$LAB_IMAPS_PORT" implicit "$LAB_HOST" "$key"
        check "dane 3 1 1 $LAB_HOST:$LAB_SUBMISSION_PORT smtp $key" dane_ok "$LAB_IP4" "$LAB_SUBMISSION_PORT" smtp "$LAB_HOST" "$key"
    done
    check "dane 3 1 1 $LAB_HOST:$LAB_POP3_PORT pop3 ecdsa" dane_ok "$LAB_IP4" "$LAB_POP3_PORT" pop3 "$LAB_HOST" ecdsa
    check "dane 3 1 1 tls13.$LAB_DOMAIN:$LAB_TLS13_IMAPS_PORT implicit rsa" \
        dane_ok "$LAB_IP4" "$LAB_TLS13_IMAPS_PORT" implicit "tls13.$LAB_DOMAIN" rsa
    check "dane 2 1 1 (CA only) ta.$LAB_DOMAIN:$LAB_IMAPS_PORT implicit" \
        dane_ok "$LAB_IP4" "$LAB_IMAPS_PORT" implicit "ta.$LAB_DOMAIN" ecdsa
    check "dane 2 1 1 (CA only) ta.$LAB_DOMAIN:$LAB_SUBMISSIONS_PORT implicit" \
        dane_ok "$LAB_IP4" "$LAB_SUBMISSIONS_PORT" implicit "ta.$LAB_DOMAIN" rsa
    check "dane wrong 3 1 1 digest badtlsa.$LAB_DOMAIN:$LAB_IMAPS_PORT is rejected" \
        dane_rejected "$LAB_IP4" "$LAB_IMAPS_PORT" implicit "badtlsa.$LAB_DOMAIN" ecdsa
}
