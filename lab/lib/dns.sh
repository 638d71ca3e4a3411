# Lab DNS data, generated at every start and signed offline with ldns.
#
# test.                       signed; the lab's trust anchor (DS in trust-anchor.ds)
#   example.test.             signed (DS in test.): SRV, A/AAAA, TLSA scenarios
#     nosubmission.example.test.  signed (DS in example.test.): submission "not provided"
#   insecure.test.            unsigned, delegated without DS: provably insecure;
#                             offsite.insecure.test's SRV targets lie outside it
#   bogus.test.               signed, DS in test., RRSIGs corrupted: bogus
#   expired.test.             signed, DS in test., signatures expired: bogus
#
# Every name under example.test. that carries SRV records is an email domain a
# discovery test can use (RFC 6186): example.test, strict., tls13., cleartext.,
# ta., badtlsa., notlsa., prio. and nosubmission.example.test.

SRV_LABELS="imaps imap pop3s pop3 submissions submission"

# srv6 DOMAIN TARGET P_IMAPS P_IMAP P_POP3S P_POP3 P_SUBMISSIONS P_SUBMISSION
# One SRV per label, in SRV_LABELS order. Port "-" leaves the label out;
# port "." publishes "SRV 0 0 0 ." (service decidedly not available).
srv6() {
    local domain=$1 target=$2 label
    shift 2
    for label in $SRV_LABELS; do
        case $1 in
            -) ;;
            .) printf '_%s._tcp.%s.\tSRV\t0 0 0 .\n' "$label" "$domain" ;;
            *) printf '_%s._tcp.%s.\tSRV\t0 1 %s %s.\n' "$label" "$domain" "$1" "$target" ;;
        esac
        shift
    done
}

# host_rr NAME IPV4 [IPV6]
host_rr() {
    printf '%s.\tA\t%s\n' "$1" "$2"
    [ -z "${3:-}" ] || printf '%s.\tAAAA\t%s\n' "$1" "$3"
}

# tlsa HOST "PORTS" RDATA...: at _PORT._tcp.HOST, one record per RDATA.
tlsa() {
    local host=$1 ports=$2 port rdata
    shift 2
    for port in $ports; do
        for rdata in "$@"; do
            printf '_%s._tcp.%s.\tTLSA\t%s\n' "$port" "$host" "$rdata"
        done
    done
}

# zone_head ZONE: SOA and NS (NSD serves every zone as ns.test.).
zone_head() {
    printf '$TTL 300\n'
    printf '%s.\tSOA\tns.test. hostmaster.%s. 1 3600 600 86400 300\n' "$1" "$1"
    printf '%s.\tNS\tns.test.\n' "$1"
}

# delegate CHILD [signed]: NS for CHILD, plus its DS when the child is signed.
delegate() {
    printf '%s.\tNS\tns.test.\n' "$1"
    [ -z "${2:-}" ] || cat "$DNS_DIR/keys/$(cat "$DNS_DIR/keys/$1.ksk").ds"
}

# keygen ZONE: an ECDSA P-256 KSK and ZSK; their base names go to keys/ZONE.{ksk,zsk}.
keygen() {
    (
        cd "$DNS_DIR/keys" || exit
        ldns-keygen -r /dev/urandom -a ECDSAP256SHA256 -k "$1." >"$1.ksk"
        ldns-keygen -r /dev/urandom -a ECDSAP256SHA256 "$1." >"$1.zsk"
    )
}

# sign ZONE [ldns-signzone options...]: zones/ZONE.zone -> zones/ZONE.signed (NSEC).
sign() {
    local zone=$1 keys=$DNS_DIR/keys
    shift
    ldns-signzone -u "$@" -o "$zone." -f "$DNS_DIR/zones/$zone.signed" "$DNS_DIR/zones/$zone.zone" \
        "$keys/$(cat "$keys/$zone.zsk")" "$keys/$(cat "$keys/$zone.ksk")"
}

# corrupt_rrsigs FILE: change one base64 character in the signature of every
# RRSIG over SRV, A, AAAA and TLSA, so that those answers are bogus.
corrupt_rrsigs() {
    python3 - "$1" <<'EOF'
import sys
path = sys.argv[1]
out = []
for line in open(path):
    f = line.split()
    if len(f) > 5 and f[3] == "RRSIG" and f[4] in ("SRV", "A", "AAAA", "TLSA"):
        sig = f[-1]
        f[-1] = sig[:8] + ("B" if sig[8] != "B" else "C") + sig[9:]
        line = "\t".join(f) + "\n"
    out.append(line)
open(path, "w").writelines(out)
EOF
}

# mail_zone ZONE: a zone with the six labels on mail.ZONE, A/AAAA and full TLSA.
mail_zone() {
    zone_head "$1"
    srv6 "$1" "mail.$1" $MAIN_PORTS
    host_rr "mail.$1" "$LAB_IP4" "$LAB_IP6"
    tlsa "mail.$1" "$MAIN_PORTS" "${TLSA_ALL[@]}"
}

lab_dns() {
    local z d=$LAB_DOMAIN zones=$DNS_DIR/zones
    # Order matters: SRV_LABELS order, i.e. imaps imap pop3s pop3 submissions submission.
    MAIN_PORTS="$LAB_IMAPS_PORT $LAB_IMAP_PORT $LAB_POP3S_PORT $LAB_POP3_PORT $LAB_SUBMISSIONS_PORT $LAB_SUBMISSION_PORT"
    TLS13_PORTS="$LAB_TLS13_IMAPS_PORT $LAB_TLS13_IMAP_PORT $LAB_TLS13_POP3S_PORT $LAB_TLS13_POP3_PORT"
    TLSA_ALL=("3 1 1 $LAB_TLSA_RSA_SPKI_SHA256" "3 1 1 $LAB_TLSA_ECDSA_SPKI_SHA256" "2 1 1 $LAB_TLSA_CA_SPKI_SHA256")
    mkdir -p "$DNS_DIR/keys" "$zones"
    for z in test "$d" "nosubmission.$d" bogus.test expired.test; do
        keygen "$z"
    done

    {
        zone_head "nosubmission.$d"
        srv6 "nosubmission.$d" "$LAB_HOST" $LAB_IMAPS_PORT $LAB_IMAP_PORT $LAB_POP3S_PORT $LAB_POP3_PORT . .
    } >"$zones/nosubmission.$d.zone"
    sign "nosubmission.$d"

    {
        zone_head "$d"
        delegate "nosubmission.$d" signed
        # The domain itself: every label on the main instance.
        srv6 "$d" "$LAB_HOST" $MAIN_PORTS
        host_rr "$LAB_HOST" "$LAB_IP4" "$LAB_IP6"
        tlsa "$LAB_HOST" "$MAIN_PORTS" "${TLSA_ALL[@]}"
        # strict: the same ports on 127.0.0.2, where Dovecot is not "secured" by same-IP.
        srv6 "strict.$d" "strict.$d" $MAIN_PORTS
        host_rr "strict.$d" "$LAB_STRICT_IP"
        tlsa "strict.$d" "$MAIN_PORTS" "${TLSA_ALL[@]}"
        # tls13: IMAP/POP3 on the TLS-1.3-only instance, submission on Postfix.
        srv6 "tls13.$d" "tls13.$d" $TLS13_PORTS - -
        srv6 "tls13.$d" "$LAB_HOST" - - - - $LAB_SUBMISSIONS_PORT $LAB_SUBMISSION_PORT
        host_rr "tls13.$d" "$LAB_IP4" "$LAB_IP6"
        tlsa "tls13.$d" "$TLS13_PORTS" "${TLSA_ALL[@]}"
        # cleartext: only _imap/_pop3, on the instance that has no TLS at all.
        srv6 "cleartext.$d" "cleartext.$d" - $LAB_CLEAR_IMAP_PORT - $LAB_CLEAR_POP3_PORT - -
        host_rr "cleartext.$d" "$LAB_IP4" "$LAB_IP6"
        # ta: DANE-TA only (2 1 1 of the CA), no DANE-EE.
        srv6 "ta.$d" "ta.$d" $MAIN_PORTS
        host_rr "ta.$d" "$LAB_IP4" "$LAB_IP6"
        tlsa "ta.$d" "$MAIN_PORTS" "2 1 1 $LAB_TLSA_CA_SPKI_SHA256"
        # badtlsa: a 3 1 1 digest that matches no served key.
        srv6 "badtlsa.$d" "badtlsa.$d" $MAIN_PORTS
        host_rr "badtlsa.$d" "$LAB_IP4" "$LAB_IP6"
        tlsa "badtlsa.$d" "$MAIN_PORTS" "3 1 1 $LAB_TLSA_WRONG_SHA256"
        # notlsa: no TLSA at all (an authenticated NXDOMAIN).
        srv6 "notlsa.$d" "notlsa.$d" $MAIN_PORTS
        host_rr "notlsa.$d" "$LAB_IP4" "$LAB_IP6"
        # prio: two _imaps targets and an _imap one; priorities compare across
        # labels (RFC 6186 3.4): TLS 1.3 instance first, then main, then STARTTLS.
        printf '_imaps._tcp.prio.%s.\tSRV\t0 1 %s tls13.%s.\n' "$d" "$LAB_TLS13_IMAPS_PORT" "$d"
        printf '_imaps._tcp.prio.%s.\tSRV\t10 1 %s %s.\n' "$d" "$LAB_IMAPS_PORT" "$LAB_HOST"
        printf '_imap._tcp.prio.%s.\tSRV\t20 1 %s %s.\n' "$d" "$LAB_IMAP_PORT" "$LAB_HOST"
    } >"$zones/$d.zone"
    sign "$d"

    {
        mail_zone insecure.test
        # offsite: an unsigned answer whose target lies outside the queried domain, so the
        # target is no reference identifier until the user confirms it (SRV-07, ID-08).
        srv6 "offsite.insecure.test" "$LAB_HOST" $MAIN_PORTS
    } >"$zones/insecure.test.zone"
    cp "$zones/insecure.test.zone" "$zones/insecure.test.signed" # served as is

    mail_zone bogus.test >"$zones/bogus.test.zone"
    sign bogus.test
    corrupt_rrsigs "$zones/bogus.test.signed"

    mail_zone expired.test >"$zones/expired.test.zone"
    sign expired.test -i 20200101000000 -e 20200201000000

    {
        zone_head test
        host_rr ns.test "$LAB_IP4" "$LAB_IP6"
        delegate "$d" signed
        delegate insecure.test
        delegate bogus.test signed
        delegate expired.test signed
    } >"$zones/test.zone"
    sign test

    cp "$DNS_DIR/keys/$(cat "$DNS_DIR/keys/test.ksk").ds" "$DNS_DIR/trust-anchor.ds"
    cp "$DNS_DIR/keys/$(cat "$DNS_DIR/keys/test.ksk").key" "$DNS_DIR/trust-anchor.dnskey"
}
