# Mail checks: capabilities before and after STARTTLS, logins, the seeded
# Maildirs, and a real submission (swaks) read back over IMAP (curl).

# probe ARGS...: lib/probe.py with the lab CA and host name.
probe() {
    $PROBE "$@" --cafile "$PKI_DIR/ca.pem" --name "$LAB_HOST"
}

# login_refused HOST PORT USER: IMAP LOGIN with a wrong password gets
# [AUTHENTICATIONFAILED].
login_refused() {
    local out
    out=$(probe imap-login "$1" "$2" "$3" wrong-password --tls) && fail_with "login accepted"
    grep -q AUTHENTICATIONFAILED <<<"$out" || fail_with "$out"
}

# curl_imap USER PASSWORD COMMAND: one IMAP command on INBOX over implicit TLS,
# verified against the lab CA and host name.
curl_imap() {
    curl -sS --max-time 10 --cacert "$PKI_DIR/ca.pem" \
        --connect-to "$LAB_HOST:$LAB_IMAPS_PORT:$LAB_IP4:$LAB_IMAPS_PORT" \
        --user "$1:$2" "imaps://$LAB_HOST:$LAB_IMAPS_PORT/INBOX" -X "$3"
}

# oauth2_login USER TOKEN: curl authenticates over implicit TLS with the token
# (AUTHENTICATE OAUTHBEARER) and sees the seeded INBOX.
oauth2_login() {
    local out
    out=$(curl -sS --max-time 10 --cacert "$PKI_DIR/ca.pem" \
        --connect-to "$LAB_HOST:$LAB_IMAPS_PORT:$LAB_IP4:$LAB_IMAPS_PORT" --login-options AUTH=OAUTHBEARER \
        --user "$1" --oauth2-bearer "$2" "imaps://$LAB_HOST:$LAB_IMAPS_PORT/INBOX" -X "EXAMINE INBOX" 2>&1) \
        || fail_with "$out"
    grep -q EXISTS <<<"$out" || fail_with "no EXISTS: $out"
}

# submit_and_read_back MODE PORT FROM FROM_PASSWORD TO TO_PASSWORD: submit with
# swaks (MODE: --tls for STARTTLS, --tlsc for implicit TLS; AUTH PLAIN; chain
# verified against the lab CA), then find the message over IMAP as TO and
# delete it again, so the seeded mailboxes stay as they were.
submit_and_read_back() {
    local mode=$1 port=$2 from=$3 from_pw=$4 to=$5 to_pw=$6 token uids="" i
    token="lab-status-$(date +%s%N)"
    swaks --server "$LAB_IP4" --port "$port" "$mode" --tls-verify --tls-ca-path "$PKI_DIR/ca.pem" \
        --tls-sni "$LAB_HOST" --auth PLAIN --auth-user "$from" --auth-password "$from_pw" \
        --from "$from" --to "$to" --header "Subject: $token" --body "status check $token" \
        >/dev/null 2>&1 || fail_with "swaks submission on $port failed"
    for i in $(seq 50); do
        uids=$(curl_imap "$to" "$to_pw" "UID SEARCH HEADER Subject $token" | sed -n 's/^\* SEARCH *//p' | tr -d '\r')
        [ -z "$uids" ] || break
        sleep 0.2
    done
    [ -n "$uids" ] || fail_with "submitted on $port, not found in $to's INBOX over IMAP"
    [ "$(wc -w <<<"$uids")" -eq 1 ] || fail_with "found $(wc -w <<<"$uids") copies"
    curl_imap "$to" "$to_pw" "UID STORE $uids +FLAGS.SILENT (\\Deleted)" >/dev/null
    curl_imap "$to" "$to_pw" "EXPUNGE" >/dev/null
}

# outbound_refused: an authenticated client cannot send to another domain;
# Postfix rejects the recipient at RCPT, because its transport is error:.
outbound_refused() {
    local out
    out=$(swaks --server "$LAB_IP4" --port "$LAB_SUBMISSIONS_PORT" --tlsc --tls-verify \
        --tls-ca-path "$PKI_DIR/ca.pem" --auth PLAIN --auth-user "$LAB_USER1" \
        --auth-password "$LAB_USER1_PASSWORD" --from "$LAB_USER1" --to nobody@example.com 2>&1) \
        && fail_with "mail to nobody@example.com was accepted"
    grep -q '^<~\* 550 .*deepmail lab delivers locally only' <<<"$out" \
        || fail_with "not refused at RCPT: $(grep -m 1 '^<~\*' <<<"$out")"
}

status_mail() {
    local s=$LAB_STRICT_IP n=${LAB_SEED_MESSAGES:-4}
    local u1=$LAB_USER1 p1=$LAB_USER1_PASSWORD u2=$LAB_USER2 p2=$LAB_USER2_PASSWORD
    say "== strict listener $s (production behaviour: not \"secured\" by same IP)"
    check "imap $s:$LAB_IMAP_PORT before STARTTLS: STARTTLS + LOGINDISABLED, no AUTH=PLAIN" \
        probe imap-caps "$s" "$LAB_IMAP_PORT" --expect STARTTLS LOGINDISABLED --reject AUTH=PLAIN
    check "imap $s:$LAB_IMAP_PORT after STARTTLS: AUTH=PLAIN, SCRAM-SHA-256, OAUTHBEARER, no LOGINDISABLED" \
        probe imap-caps "$s" "$LAB_IMAP_PORT" --starttls --expect AUTH=PLAIN AUTH=SCRAM-SHA-256 AUTH=OAUTHBEARER --reject LOGINDISABLED STARTTLS
    check "pop3 $s:$LAB_POP3_PORT before STLS: STLS, no USER, no SASL mechanism" \
        probe pop3-capa "$s" "$LAB_POP3_PORT" --expect STLS --reject USER SASL=PLAIN SASL=LOGIN
    check "pop3 $s:$LAB_POP3_PORT after STLS: USER + SASL PLAIN and SCRAM-SHA-256" \
        probe pop3-capa "$s" "$LAB_POP3_PORT" --starttls --expect USER SASL=PLAIN SASL=SCRAM-SHA-256 --reject STLS
    check "imap $s:$LAB_IMAP_PORT STARTTLS login $u1, >= $n messages" \
        probe imap-login "$s" "$LAB_IMAP_PORT" "$u1" "$p1" --starttls --min-messages "$n"
    check "pop3 $s:$LAB_POP3_PORT STLS login $u2, >= $n messages" \
        probe pop3-login "$s" "$LAB_POP3_PORT" "$u2" "$p2" --starttls --min-messages "$n"

    # Not a check: what a client on 127.0.0.1 sees, for whoever writes tests.
    if probe imap-caps "$LAB_IP4" "$LAB_IMAP_PORT" --expect AUTH=PLAIN >/dev/null; then
        say "INFO  imap $LAB_IP4:$LAB_IMAP_PORT offers AUTH=PLAIN before STARTTLS (same IP = \"secured\"); use $s"
    fi

    say "== seeded mailboxes (IMAP over implicit TLS, $LAB_IP4:$LAB_IMAPS_PORT)"
    check "imap login $u1, >= $n messages" probe imap-login "$LAB_IP4" "$LAB_IMAPS_PORT" "$u1" "$p1" --tls --min-messages "$n"
    check "imap login $u2, >= $n messages" probe imap-login "$LAB_IP4" "$LAB_IMAPS_PORT" "$u2" "$p2" --tls --min-messages "$n"
    check "plain text message present" probe imap-login "$LAB_IP4" "$LAB_IMAPS_PORT" "$u1" "$p1" --tls \
        --search 'SUBJECT "Plain text seed message"' --body-contains "Content-Type: text/plain"
    check "multipart/alternative message present" probe imap-login "$LAB_IP4" "$LAB_IMAPS_PORT" "$u1" "$p1" --tls \
        --search 'HEADER Content-Type multipart/alternative' --body-contains "text/html"
    check "RFC 2047 subject decoded by the server (SEARCH SUBJECT Labor)" \
        probe imap-login "$LAB_IP4" "$LAB_IMAPS_PORT" "$u1" "$p1" --tls --search 'SUBJECT Labor'
    check "message with attachments present" probe imap-login "$LAB_IP4" "$LAB_IMAPS_PORT" "$u1" "$p1" --tls \
        --search 'HEADER Content-Type multipart/mixed' --body-contains 'filename="report.csv"'
    check "pop3 login $u1 over implicit TLS $LAB_IP4:$LAB_POP3S_PORT, >= $n messages" \
        probe pop3-login "$LAB_IP4" "$LAB_POP3S_PORT" "$u1" "$p1" --tls --min-messages "$n"
    check "imap login with a wrong password is refused" login_refused "$LAB_IP4" "$LAB_IMAPS_PORT" "$u1"
    check "imap AUTHENTICATE OAUTHBEARER $u1 with the lab's JWT (curl)" oauth2_login "$u1" "$LAB_USER1_TOKEN"

    say "== cleartext-only instance"
    check "imap $LAB_IP4:$LAB_CLEAR_IMAP_PORT: no STARTTLS, no LOGINDISABLED" \
        probe imap-caps "$LAB_IP4" "$LAB_CLEAR_IMAP_PORT" --expect IMAP4REV1 --reject STARTTLS LOGINDISABLED
    check "pop3 $LAB_IP4:$LAB_CLEAR_POP3_PORT: no STLS" \
        probe pop3-capa "$LAB_IP4" "$LAB_CLEAR_POP3_PORT" --expect USER --reject STLS
    check "imap $LAB_IP4:$LAB_CLEAR_IMAP_PORT plaintext login $u2" \
        probe imap-login "$LAB_IP4" "$LAB_CLEAR_IMAP_PORT" "$u2" "$p2" --clear --min-messages "$n"

    say "== submission (Postfix)"
    check "submission $LAB_IP4:$LAB_SUBMISSION_PORT before STARTTLS: STARTTLS, no AUTH" \
        probe smtp-ehlo "$LAB_IP4" "$LAB_SUBMISSION_PORT" --expect STARTTLS --reject AUTH
    check "submission $LAB_IP4:$LAB_SUBMISSION_PORT MAIL before STARTTLS gets 530" \
        probe smtp-plain-mail "$LAB_IP4" "$LAB_SUBMISSION_PORT"
    check "submission $LAB_IP4:$LAB_SUBMISSION_PORT after STARTTLS: AUTH PLAIN and SCRAM-SHA-256" \
        probe smtp-ehlo "$LAB_IP4" "$LAB_SUBMISSION_PORT" --starttls --expect AUTH=PLAIN AUTH=SCRAM-SHA-256 --reject STARTTLS
    check "submission $s:$LAB_SUBMISSION_PORT before STARTTLS: STARTTLS, no AUTH" \
        probe smtp-ehlo "$s" "$LAB_SUBMISSION_PORT" --expect STARTTLS --reject AUTH
    check "swaks STARTTLS $LAB_SUBMISSION_PORT $u1 -> $u2, read back over IMAP (curl)" \
        submit_and_read_back --tls "$LAB_SUBMISSION_PORT" "$u1" "$p1" "$u2" "$p2"
    check "swaks implicit TLS $LAB_SUBMISSIONS_PORT $u2 -> $u1, read back over IMAP (curl)" \
        submit_and_read_back --tlsc "$LAB_SUBMISSIONS_PORT" "$u2" "$p2" "$u1" "$p1"
    check "mail to another domain is refused at RCPT (nothing leaves)" outbound_refused
}
