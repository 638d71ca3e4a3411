package io.deepmail.core.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802 §3, RFC 7677), for scripted servers: it
 * extends the client's nonce, checks the client proof and signs the exchange. The keys are derived
 * on the test thread; only two HMACs run on the server's event loop. Shared by the protocol
 * modules' SASL tests (IMAP {@code AUTHENTICATE}, POP3 {@code AUTH}).
 */
public final class ScramServer {

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder DECODE = Base64.getDecoder();

    private final byte[] salt = "deepmail-salt-16".getBytes(StandardCharsets.US_ASCII);
    private final int iterations = 4096;
    private final byte[] clientKey;
    private final byte[] storedKey;
    private final byte[] serverKey;
    private volatile String clientFirstBare = "";
    private volatile String serverFirst = "";
    private volatile String authMessage = "";
    private volatile boolean proofValid;

    /**
     * Derives the keys for {@code password}.
     *
     * @param password the account's password
     * @throws GeneralSecurityException when PBKDF2 or SHA-256 is missing
     */
    public ScramServer(String password) throws GeneralSecurityException {
        SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        byte[] salted = pbkdf2.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                .getEncoded();
        clientKey = hmac(salted, "Client Key");
        storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
        serverKey = hmac(salted, "Server Key");
    }

    /** Reads the client-first message (base64), after {@code prefix} on the command line or alone. */
    public boolean clientFirst(String line, String prefix) {
        if (!line.startsWith(prefix)) {
            return false;
        }
        String message = new String(DECODE.decode(line.substring(prefix.length())), StandardCharsets.UTF_8);
        if (!message.startsWith("n,,n=")) {
            return false;
        }
        clientFirstBare = message.substring(3);
        String clientNonce = clientFirstBare.substring(clientFirstBare.indexOf(",r=") + 3);
        serverFirst = "r=" + clientNonce + "ServerNonce%42,s=" + B64.encodeToString(salt) + ",i=" + iterations;
        return true;
    }

    /** The server-first message, base64. */
    public String serverFirst() {
        return B64.encodeToString(serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the client-final message (base64) and checks its proof; the line is accepted either way. */
    public boolean clientFinal(String line) {
        String message = new String(DECODE.decode(line), StandardCharsets.UTF_8);
        int p = message.lastIndexOf(",p=");
        String withoutProof = message.substring(0, p);
        authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] signature = hmac(storedKey, authMessage);
        byte[] expected = new byte[clientKey.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        proofValid = withoutProof.startsWith("c=biws,r=")
                && MessageDigest.isEqual(expected, DECODE.decode(message.substring(p + 3)));
        return true;
    }

    /** Whether the last client-final message carried a valid proof. */
    public boolean proofValid() {
        return proofValid;
    }

    /** The server-final message with the true signature, base64. */
    public String serverFinal() {
        return B64.encodeToString(("v=" + B64.encodeToString(hmac(serverKey, authMessage)))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A server-final message with a signature that does not verify, base64. */
    public String forgedServerFinal() {
        byte[] wrong = hmac(serverKey, authMessage + "x");
        return B64.encodeToString(("v=" + B64.encodeToString(wrong)).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
