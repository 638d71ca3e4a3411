# lab.sh install: install the Debian packages the lab needs, only those
# missing, without letting package scripts start the stock daemons.

LAB_PACKAGES="dovecot-imapd dovecot-pop3d postfix nsd unbound ldnsutils bind9-dnsutils
redis-server openssl swaks libnet-ssleay-perl curl python3 util-linux procps iproute2"

missing_packages() {
    local p
    for p in $LAB_PACKAGES; do
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' \
            || printf '%s ' "$p"
    done
}

lab_install() {
    local t0 missing created_policy=no
    t0=$(now_ms)
    [ "$(id -u)" -eq 0 ] || die "install must run as root"
    missing=$(missing_packages)
    if [ -z "$missing" ]; then
        say "install: every package is already installed"
    else
        say "install: missing: $missing"
        # Package scripts must not start stock daemons (Dovecot's listens on all
        # addresses). Keep an existing policy-rc.d; remove only our own.
        if [ ! -e /usr/sbin/policy-rc.d ]; then
            printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
            chmod 755 /usr/sbin/policy-rc.d
            created_policy=yes
            trap 'rm -f /usr/sbin/policy-rc.d' EXIT
        fi
        export DEBIAN_FRONTEND=noninteractive
        echo 'postfix postfix/main_mailer_type select No configuration' | debconf-set-selections
        # Refresh the package lists only when a candidate is unknown.
        # shellcheck disable=SC2086
        if ! apt-get install -y -s --no-install-recommends $missing >/dev/null 2>&1; then
            apt-get update -q
        fi
        # shellcheck disable=SC2086
        apt-get install -y -q --no-install-recommends \
            -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold $missing
        if [ "$created_policy" = yes ]; then
            rm -f /usr/sbin/policy-rc.d
            trap - EXIT
        fi
        missing=$(missing_packages)
        [ -z "$missing" ] || die "still missing after install: $missing"
    fi
    command -v keytool >/dev/null || [ -x "${JAVA_HOME:-/nonexistent}/bin/keytool" ] \
        || say "install: note: no keytool found; the PKCS#12 trust store needs a JDK (keytool)"
    say "install: done in $(($(now_ms) - t0)) ms"
}
