package io.deepmail.examples;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The settings every example takes, as {@code --name value} arguments or, when an argument is
 * absent, the environment variable {@code DEEPMAIL_NAME} (upper case, dashes as underscores):
 * {@code --host}, {@code --port} (else the protocol's ports are raced), {@code --mode}
 * ({@code implicit} or {@code starttls}, with {@code --port}), {@code --user}, {@code --password},
 * {@code --ca} (a PEM file of trust anchors, else the system's) and {@code --address} (an IP
 * address to use for {@code --host} instead of asking DNS).
 */
public final class ExampleOptions {

    private final Map<String, String> values;

    private ExampleOptions(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Reads {@code --name value} pairs.
     *
     * @param args the program arguments
     * @return the options
     */
    public static ExampleOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new ExampleOptions(values);
    }

    /**
     * An optional setting.
     *
     * @param name the name without dashes
     * @return the value from the arguments or the environment, or {@code null}
     */
    public @Nullable String find(String name) {
        String value = values.get(name);
        return value != null ? value : System.getenv("DEEPMAIL_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /**
     * A setting with a default.
     *
     * @param name the name without dashes
     * @param fallback the default
     * @return the value
     */
    public String get(String name, String fallback) {
        String value = find(name);
        return value != null ? value : fallback;
    }

    /**
     * A required setting.
     *
     * @param name the name without dashes
     * @return the value
     */
    public String get(String name) {
        String value = find(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name + " (or DEEPMAIL_"
                    + name.toUpperCase(Locale.ROOT).replace('-', '_') + ")");
        }
        return value;
    }

    /**
     * A transport trusting {@code --ca} if given, else the system's trust anchors.
     *
     * @param resources the event loops
     * @return the transport
     */
    public MailTransport transport(MailResources resources) {
        String ca = find("ca");
        TrustAnchors anchors = ca == null ? TrustAnchors.system() : TrustAnchors.fromPem(Path.of(ca));
        return MailTransport.create(resources).tls(TlsOptions.builder().trustAnchors(anchors).build());
    }

    /**
     * The host's addresses: {@code --address} if given, else DNS.
     *
     * @return the resolver
     * @throws UnknownHostException if {@code --address} is not an IP address
     */
    public AddressResolver resolver() throws UnknownHostException {
        String address = find("address");
        return address == null ? AddressResolver.system()
                : AddressResolver.of(Map.of(get("host"), List.of(InetAddress.getByName(address))));
    }

    /**
     * Where to connect: {@code --host} on {@code --port} in {@code --mode}, or the protocol's two ports raced.
     *
     * @param protocol the protocol
     * @return the targets
     */
    public Targets targets(MailProtocol protocol) {
        String port = find("port");
        if (port == null) {
            return Targets.manual(protocol, get("host"));
        }
        TransportMode mode = TransportMode.valueOf(get("mode", "implicit").toUpperCase(Locale.ROOT));
        return Targets.endpoints(protocol, new Endpoint(protocol, get("host"), Integer.parseInt(port), mode));
    }

    /**
     * The account of {@code --user} with {@code --password}.
     *
     * @return the account
     */
    public Account account() {
        return account(get("user"), get("password"));
    }

    /**
     * An account with a password.
     *
     * @param user the address, also the login name
     * @param password the password
     * @return the account
     */
    public static Account account(String user, String password) {
        return Account.builder(user).credentials(CredentialsProvider.of(new Credentials.Password(user, password)))
                .build();
    }
}
