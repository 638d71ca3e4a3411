# Test PKI, generated at every start: an RSA CA, an RSA leaf and an ECDSA
# leaf (both served at once), a PEM CA and a PKCS#12 trust store.

# spki_sha256 CERT: hex SHA-256 of the certificate's SubjectPublicKeyInfo
# (the "x 1 1" TLSA association data).
spki_sha256() {
    openssl x509 -in "$1" -noout -pubkey | openssl pkey -pubin -outform DER \
        | openssl dgst -sha256 -r | cut -d' ' -f1
}

find_keytool() {
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/keytool" ]; then
        printf '%s\n' "$JAVA_HOME/bin/keytool"
    else
        command -v keytool
    fi
}

lab_pki() {
    local k keytool out subj="/O=deepmail interop lab"
    mkdir -p "$PKI_DIR"
    render "$LAB_DIR/templates/openssl-leaf.cnf.in" "$PKI_DIR/leaf.cnf"
    (
        cd "$PKI_DIR" || exit
        openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out ca.key
        openssl req -x509 -new -key ca.key -sha256 -days 30 -out ca.pem \
            -subj "$subj/CN=deepmail lab test CA" \
            -addext "basicConstraints=critical,CA:TRUE" \
            -addext "keyUsage=critical,keyCertSign,cRLSign" \
            -addext "subjectKeyIdentifier=hash"
        openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa.key
        openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ecdsa.key
        for k in rsa ecdsa; do
            openssl req -new -key "$k.key" -subj "$subj/CN=$LAB_HOST" -out "$k.csr"
            openssl x509 -req -in "$k.csr" -CA ca.pem -CAkey ca.key -set_serial "0x$(openssl rand -hex 16)" \
                -days 30 -sha256 -extfile leaf.cnf -extensions "leaf_$k" -out "$k.pem"
            # Served chain: leaf + CA. DANE-TA (TLSA 2 1 1) needs the CA in the
            # chain, since the client only has its digest.
            cat "$k.pem" ca.pem >"$k-chain.pem"
            # Postfix smtpd_tls_chain_files: key first, then the chain.
            cat "$k.key" "$k-chain.pem" >"$k-full.pem"
            rm -f "$k.csr"
        done
        chmod 600 ./*.key ./*-full.pem
    ) 2>>"$LOG_DIR/pki.log"

    LAB_TLSA_RSA_SPKI_SHA256=$(spki_sha256 "$PKI_DIR/rsa.pem")
    LAB_TLSA_ECDSA_SPKI_SHA256=$(spki_sha256 "$PKI_DIR/ecdsa.pem")
    LAB_TLSA_CA_SPKI_SHA256=$(spki_sha256 "$PKI_DIR/ca.pem")
    # Matches no key of the lab.
    LAB_TLSA_WRONG_SHA256=$(printf 'deepmail lab: no key has this digest' | openssl dgst -sha256 -r | cut -d' ' -f1)

    # PKCS#12 trust store with the CA as a trusted-certificate entry. OpenSSL 3.0
    # cannot mark a certificate as trusted for Java (-jdktrust came in 3.2), and
    # Java ignores unmarked certificates, so keytool writes it.
    keytool=$(find_keytool) || die "keytool (JDK) is needed for the PKCS#12 trust store"
    rm -f "$PKI_DIR/truststore.p12"
    out=$("$keytool" -importcert -noprompt -storetype PKCS12 -keystore "$PKI_DIR/truststore.p12" \
        -storepass "$LAB_TRUSTSTORE_PASSWORD" -alias deepmail-lab-ca -file "$PKI_DIR/ca.pem" 2>&1) \
        || die "keytool could not write the trust store: $out"
}
