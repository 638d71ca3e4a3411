# Mail side of the lab: users, seeded Maildirs, three Dovecot instances and
# Postfix.

# The lab's users as "address password" lines.
lab_users() {
    printf '%s %s\n' "$LAB_USER1" "$LAB_USER1_PASSWORD" "$LAB_USER2" "$LAB_USER2_PASSWORD"
}

# Dovecot passwd-file, Postfix virtual mailbox map, and a Maildir per user
# seeded with the messages in lab/messages (delivered "new", i.e. unseen).
setup_users() {
    local user pass local_part domain maildir msg n=0
    mkdir -p "$RUN_DIR/dovecot" "$RUN_DIR/postfix/etc" "$MAIL_DIR"
    : >"$RUN_DIR/dovecot/users"
    : >"$RUN_DIR/postfix/etc/vmailbox"
    while read -r user pass; do
        local_part=${user%@*}
        domain=${user#*@}
        # SCRAM-SHA-256 keys (RFC 5802 salted), which Dovecot uses both for
        # AUTHENTICATE SCRAM-SHA-256 and for checking PLAIN/LOGIN passwords.
        printf '%s:%s::::::\n' "$user" "$(doveadm pw -s SCRAM-SHA-256 -p "$pass")" >>"$RUN_DIR/dovecot/users"
        printf '%s %s/%s/Maildir/\n' "$user" "$domain" "$local_part" >>"$RUN_DIR/postfix/etc/vmailbox"
        maildir=$MAIL_DIR/$domain/$local_part/Maildir
        mkdir -p "$maildir/cur" "$maildir/new" "$maildir/tmp"
        for msg in "$LAB_DIR"/messages/*.eml; do
            n=$((n + 1))
            sed "s/@USER@/$user/" "$msg" >"$maildir/new/$(date +%s).M${n}P$$.deepmail-lab"
        done
    done < <(lab_users)
    chown -R mail:mail "$MAIL_DIR"
    chgrp dovecot "$RUN_DIR/dovecot/users"
    chmod 640 "$RUN_DIR/dovecot/users"
}

# Unpadded base64url (RFC 4648 §5) of stdin, as JWTs use it.
b64url() {
    openssl base64 -A | tr '+/' '-_' | tr -d '='
}

# OAuth 2.0 for OAUTHBEARER/XOAUTH2 with no token service: Dovecot validates JWTs
# locally against an HMAC key (HS256) that is made at each start; each user gets a
# token signed with it, valid for a week, handed to the tests in lab.env.
setup_oauth2() {
    local keys=$RUN_DIR/dovecot/oauth2-keys key_hex header payload now n user token
    mkdir -p "$keys/default/HS256"
    openssl rand 32 >"$keys/raw"
    key_hex=$(od -An -v -tx1 <"$keys/raw" | tr -d ' \n')
    # Dovecot reads the key, base64, from the dict key shared/<azp>/<alg>/<kid>.
    openssl base64 -A <"$keys/raw" >"$keys/default/HS256/default"
    rm "$keys/raw"
    render "$LAB_DIR/templates/dovecot-oauth2.conf.in" "$RUN_DIR/dovecot/oauth2.conf"
    chgrp -R dovecot "$keys" "$RUN_DIR/dovecot/oauth2.conf"
    chmod -R g+rX,o-rwx "$keys"
    chmod 640 "$RUN_DIR/dovecot/oauth2.conf"
    now=$(date +%s)
    header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
    for n in 1 2; do
        user=LAB_USER$n
        payload=$(printf '{"sub":"%s","iat":%d,"nbf":%d,"exp":%d}' "${!user}" "$now" "$now" "$((now + 604800))" \
            | b64url)
        token=$header.$payload.$(printf '%s' "$header.$payload" \
            | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | b64url)
        printf -v "LAB_USER${n}_TOKEN" '%s' "$token"
    done
}

start_dovecot() {
    local instance ip
    render "$LAB_DIR/templates/dovecot-common.conf.in" "$RUN_DIR/dovecot/common.conf"
    for instance in main clear tls13; do
        mkdir -p "$RUN_DIR/dovecot/$instance-state"
        render "$LAB_DIR/templates/dovecot-$instance.conf.in" "$RUN_DIR/dovecot/$instance.conf"
        doveconf -c "$RUN_DIR/dovecot/$instance.conf" >/dev/null || die "dovecot $instance config is invalid"
        spawn "dovecot-$instance" dovecot -F -c "$RUN_DIR/dovecot/$instance.conf"
    done
    for ip in "$LAB_IP4" "$LAB_STRICT_IP" "$LAB_IP6"; do
        wait_until dovecot-main tcp_open "$ip" "$LAB_IMAP_PORT"
        wait_until dovecot-main tcp_open "$ip" "$LAB_IMAPS_PORT"
        wait_until dovecot-main tcp_open "$ip" "$LAB_POP3_PORT"
        wait_until dovecot-main tcp_open "$ip" "$LAB_POP3S_PORT"
    done
    for ip in "$LAB_IP4" "$LAB_IP6"; do
        wait_until dovecot-clear tcp_open "$ip" "$LAB_CLEAR_IMAP_PORT"
        wait_until dovecot-clear tcp_open "$ip" "$LAB_CLEAR_POP3_PORT"
        wait_until dovecot-tls13 tcp_open "$ip" "$LAB_TLS13_IMAP_PORT"
        wait_until dovecot-tls13 tcp_open "$ip" "$LAB_TLS13_IMAPS_PORT"
        wait_until dovecot-tls13 tcp_open "$ip" "$LAB_TLS13_POP3_PORT"
        wait_until dovecot-tls13 tcp_open "$ip" "$LAB_TLS13_POP3S_PORT"
    done
    # Postfix authenticates through this socket.
    wait_until dovecot-main test -S "$RUN_DIR/dovecot/main/auth-postfix"
}

start_postfix() {
    local conf=$RUN_DIR/postfix/etc ip
    mkdir -p "$RUN_DIR/postfix/queue" "$RUN_DIR/postfix/data"
    chown postfix:postfix "$RUN_DIR/postfix/data"
    render "$LAB_DIR/templates/postfix-main.cf.in" "$conf/main.cf"
    render "$LAB_DIR/templates/postfix-master.cf.in" "$conf/master.cf"
    run_detached "$LOG_DIR/postfix.log" postfix -c "$conf" start \
        || die "postfix did not start; see $LOG_DIR/postfix.log"
    head -n 1 "$RUN_DIR/postfix/queue/pid/master.pid" | tr -d ' ' >"$PID_DIR/postfix.pid"
    for ip in "$LAB_IP4" "$LAB_STRICT_IP" "$LAB_IP6"; do
        wait_until postfix tcp_open "$ip" "$LAB_SUBMISSION_PORT"
        wait_until postfix tcp_open "$ip" "$LAB_SUBMISSIONS_PORT"
    done
}

start_mail() {
    setup_users
    setup_oauth2
    start_dovecot
    start_postfix
}
