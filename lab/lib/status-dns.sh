# DNS checks with dig against the validating resolver (Unbound) and NSD.

# dns_expect QTYPE QNAME STATUS AD [WANT...]: ask Unbound with DO=1 (+dnssec).
# STATUS is the expected rcode; AD is "ad" or "no-ad"; every WANT must appear
# in the answer section.
dns_expect() {
    local qtype=$1 qname=$2 status=$3 ad=$4 out flags answer want
    shift 4
    out=$(dig @"$LAB_IP4" -p "$LAB_DNS_PORT" +dnssec +nosplit ${DIG_CD:+ +cd} +time=3 +tries=1 "$qtype" "$qname")
    grep -q "status: $status," <<<"$out" \
        || fail_with "status $(sed -n 's/.*status: \([A-Z]*\),.*/\1/p' <<<"$out"), expected $status"
    flags=$(sed -n 's/^;; flags: \([^;]*\);.*/\1/p' <<<"$out")
    case "$ad: $flags " in
        "ad: "*" ad "*) ;;
        "no-ad: "*" ad "*) fail_with "AD set, expected none (flags: $flags)" ;;
        "no-ad: "*) ;;
        *) fail_with "AD not set (flags: $flags)" ;;
    esac
    answer=$(awk '/^;; ANSWER SECTION:/{on=1; next} /^$/{on=0} on && $4 != "RRSIG"' <<<"$out" | tr -s ' \t' ' ')
    for want in "$@"; do
        grep -qiF -- "$want" <<<"$answer" || fail_with "answer lacks \"$want\""
    done
}

# dns_expect_cd ...: dns_expect with +cd (checking disabled).
dns_expect_cd() {
    DIG_CD=1
    dns_expect "$@"
}

# nsd_authoritative ZONE: NSD answers the SOA itself, with AA.
nsd_authoritative() {
    dig @"$LAB_IP4" -p "$LAB_NSD_PORT" +norecurse +time=2 +tries=1 SOA "$1" \
        | grep -q '^;; flags:.* aa[ ;]' || fail_with "no AA answer from NSD"
}

# not_answered NAME: names outside the lab are not resolved (no query leaves
# the machine: NSD refuses, Unbound answers SERVFAIL).
not_answered() {
    local out
    out=$(dig @"$LAB_IP4" -p "$LAB_DNS_PORT" +time=3 +tries=1 A "$1")
    grep -qE 'status: (SERVFAIL|REFUSED),' <<<"$out" \
        || fail_with "got $(sed -n 's/.*status: \([A-Z]*\),.*/\1/p' <<<"$out")"
}

status_dns() {
    local d=$LAB_DOMAIN label port
    local -a ports=("$LAB_IMAPS_PORT" "$LAB_IMAP_PORT" "$LAB_POP3S_PORT" "$LAB_POP3_PORT" \
        "$LAB_SUBMISSIONS_PORT" "$LAB_SUBMISSION_PORT")
    local -a tlsa_all=("3 1 1 $LAB_TLSA_RSA_SPKI_SHA256" "3 1 1 $LAB_TLSA_ECDSA_SPKI_SHA256" "2 1 1 $LAB_TLSA_CA_SPKI_SHA256")
    say "== DNS (dig +dnssec via Unbound $LAB_IP4:$LAB_DNS_PORT; NSD $LAB_IP4:$LAB_NSD_PORT)"
    check "nsd is authoritative for test. ($LAB_NSD_PORT, AA)" nsd_authoritative test
    check "nsd is authoritative for $d ($LAB_NSD_PORT, AA)" nsd_authoritative "$d"
    set -- $SRV_LABELS
    for port in "${ports[@]}"; do
        check "SRV _$1._tcp.$d -> $LAB_HOST:$port, AD" dns_expect SRV "_$1._tcp.$d" NOERROR ad "0 1 $port $LAB_HOST."
        shift
    done
    check "A $LAB_HOST = $LAB_IP4, AD" dns_expect A "$LAB_HOST" NOERROR ad "$LAB_IP4"
    check "AAAA $LAB_HOST = $LAB_IP6, AD" dns_expect AAAA "$LAB_HOST" NOERROR ad "$LAB_IP6"
    check "A strict.$d = $LAB_STRICT_IP, AD" dns_expect A "strict.$d" NOERROR ad "$LAB_STRICT_IP"
    for port in "${ports[@]}"; do
        check "TLSA _$port._tcp.$LAB_HOST: 3 1 1 RSA + 3 1 1 ECDSA + 2 1 1 CA, AD" \
            dns_expect TLSA "_$port._tcp.$LAB_HOST" NOERROR ad "${tlsa_all[@]}"
    done
    check "TLSA _$LAB_TLS13_IMAPS_PORT._tcp.tls13.$d: full set, AD" \
        dns_expect TLSA "_$LAB_TLS13_IMAPS_PORT._tcp.tls13.$d" NOERROR ad "${tlsa_all[@]}"
    check "TLSA _$LAB_IMAPS_PORT._tcp.ta.$d: 2 1 1 CA only, AD" \
        dns_expect TLSA "_$LAB_IMAPS_PORT._tcp.ta.$d" NOERROR ad "2 1 1 $LAB_TLSA_CA_SPKI_SHA256"
    check "TLSA _$LAB_IMAPS_PORT._tcp.badtlsa.$d: wrong digest, AD" \
        dns_expect TLSA "_$LAB_IMAPS_PORT._tcp.badtlsa.$d" NOERROR ad "3 1 1 $LAB_TLSA_WRONG_SHA256"
    check "TLSA _$LAB_IMAPS_PORT._tcp.notlsa.$d: authenticated NXDOMAIN" \
        dns_expect TLSA "_$LAB_IMAPS_PORT._tcp.notlsa.$d" NXDOMAIN ad
    check "SRV _submissions._tcp.nosubmission.$d = 0 0 0 . (second signed zone), AD" \
        dns_expect SRV "_submissions._tcp.nosubmission.$d" NOERROR ad "0 0 0 ."
    check "SRV _submission._tcp.nosubmission.$d = 0 0 0 ., AD" \
        dns_expect SRV "_submission._tcp.nosubmission.$d" NOERROR ad "0 0 0 ."
    check "SRV _imaps._tcp.nosubmission.$d -> $LAB_HOST:$LAB_IMAPS_PORT, AD" \
        dns_expect SRV "_imaps._tcp.nosubmission.$d" NOERROR ad "0 1 $LAB_IMAPS_PORT $LAB_HOST."
    check "SRV _imap._tcp.cleartext.$d -> cleartext-only instance :$LAB_CLEAR_IMAP_PORT, AD" \
        dns_expect SRV "_imap._tcp.cleartext.$d" NOERROR ad "0 1 $LAB_CLEAR_IMAP_PORT cleartext.$d."
    check "SRV _pop3._tcp.cleartext.$d -> cleartext-only instance :$LAB_CLEAR_POP3_PORT, AD" \
        dns_expect SRV "_pop3._tcp.cleartext.$d" NOERROR ad "0 1 $LAB_CLEAR_POP3_PORT cleartext.$d."
    check "SRV _imaps._tcp.cleartext.$d absent (authenticated NXDOMAIN)" \
        dns_expect SRV "_imaps._tcp.cleartext.$d" NXDOMAIN ad
    check "SRV _imaps._tcp.tls13.$d -> TLS-1.3-only :$LAB_TLS13_IMAPS_PORT, AD" \
        dns_expect SRV "_imaps._tcp.tls13.$d" NOERROR ad "0 1 $LAB_TLS13_IMAPS_PORT tls13.$d."
    check "SRV _imaps._tcp.prio.$d: priorities 0 and 10, AD" \
        dns_expect SRV "_imaps._tcp.prio.$d" NOERROR ad "0 1 $LAB_TLS13_IMAPS_PORT tls13.$d." \
        "10 1 $LAB_IMAPS_PORT $LAB_HOST."
    check "insecure.test: SRV answered without AD" \
        dns_expect SRV _imaps._tcp.insecure.test NOERROR no-ad "0 1 $LAB_IMAPS_PORT mail.insecure.test."
    check "bogus.test: SERVFAIL" dns_expect SRV _imaps._tcp.bogus.test SERVFAIL no-ad
    check "bogus.test: +cd shows the data" \
        dns_expect_cd SRV _imaps._tcp.bogus.test NOERROR no-ad "0 1 $LAB_IMAPS_PORT mail.bogus.test."
    check "expired.test: SERVFAIL" dns_expect SRV _imaps._tcp.expired.test SERVFAIL no-ad
    check "expired.test: +cd shows the data" \
        dns_expect_cd SRV _imaps._tcp.expired.test NOERROR no-ad "0 1 $LAB_IMAPS_PORT mail.expired.test."
    check "names outside the lab are not resolved (example.com)" not_answered example.com
}
