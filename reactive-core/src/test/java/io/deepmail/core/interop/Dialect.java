package io.deepmail.core.interop;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Just enough of IMAP, POP3 and SMTP submission for a greeting, a capability listing, STARTTLS
 * and a goodbye, over {@link LineDecoder} lines. {@code tag} is the IMAP tag of the command; the
 * other protocols ignore it.
 */
enum Dialect {

    IMAP(MailProtocol.IMAP, "LAB_IMAPS_PORT", "LAB_IMAP_PORT", "STARTTLS", "* OK ") {
        @Override
        String capabilityCommand(String tag) {
            return tag + " CAPABILITY";
        }

        @Override
        String startTlsCommand(String tag) {
            return tag + " STARTTLS";
        }

        @Override
        String quitCommand(String tag) {
            return tag + " LOGOUT";
        }

        @Override
        Predicate<String> isLast(String tag) {
            return line -> line.startsWith(tag + " ");
        }

        @Override
        boolean isOk(String tag, String last) {
            return last.startsWith(tag + " OK");
        }

        @Override
        List<String> capabilities(List<String> reply) {
            return reply.stream().filter(l -> l.startsWith("* CAPABILITY "))
                    .flatMap(l -> Arrays.stream(l.substring("* CAPABILITY ".length()).split(" ")))
                    .toList();
        }

        @Override
        boolean offersPlainAuth(List<String> capabilities) {
            return capabilities.contains("AUTH=PLAIN") && !capabilities.contains("LOGINDISABLED");
        }
    },

    POP3(MailProtocol.POP3, "LAB_POP3S_PORT", "LAB_POP3_PORT", "STLS", "+OK ") {
        @Override
        String capabilityCommand(String tag) {
            return "CAPA";
        }

        @Override
        String startTlsCommand(String tag) {
            return "STLS";
        }

        @Override
        String quitCommand(String tag) {
            return "QUIT";
        }

        @Override
        Predicate<String> isLast(String tag) {
            return line -> true;
        }

        @Override
        Predicate<String> isLastOfList(String tag) {
            return line -> line.equals(".") || line.startsWith("-ERR");
        }

        @Override
        boolean isOk(String tag, String last) {
            return last.startsWith("+OK") || last.equals(".");
        }

        @Override
        List<String> capabilities(List<String> reply) {
            return reply.size() < 2 ? List.of() : reply.subList(1, reply.size() - 1);
        }

        @Override
        boolean offersPlainAuth(List<String> capabilities) {
            return capabilities.contains("USER")
                    || capabilities.stream().anyMatch(c -> c.startsWith("SASL ") && c.contains(" PLAIN"));
        }
    },

    SUBMISSION(MailProtocol.SUBMISSION, "LAB_SUBMISSIONS_PORT", "LAB_SUBMISSION_PORT", "STARTTLS", "220 ") {
        @Override
        String capabilityCommand(String tag) {
            return "EHLO client.example.test";
        }

        @Override
        String startTlsCommand(String tag) {
            return "STARTTLS";
        }

        @Override
        String quitCommand(String tag) {
            return "QUIT";
        }

        @Override
        Predicate<String> isLast(String tag) {
            return line -> line.length() < 4 || line.charAt(3) != '-';
        }

        @Override
        Predicate<String> isLastOfGreeting() {
            return isLast("");
        }

        @Override
        boolean isOk(String tag, String last) {
            return last.startsWith("2");
        }

        @Override
        List<String> capabilities(List<String> reply) {
            return reply.stream().skip(1).map(l -> l.substring(4)).toList();
        }

        @Override
        boolean offersPlainAuth(List<String> capabilities) {
            return capabilities.stream().anyMatch(c -> c.startsWith("AUTH ") && c.contains(" PLAIN"));
        }
    };

    private final MailProtocol protocol;
    private final String implicitPortKey;
    private final String startTlsPortKey;
    private final String startTlsCapability;
    private final String greetingPrefix;

    Dialect(MailProtocol protocol, String implicitPortKey, String startTlsPortKey, String startTlsCapability,
            String greetingPrefix) {
        this.protocol = protocol;
        this.implicitPortKey = implicitPortKey;
        this.startTlsPortKey = startTlsPortKey;
        this.startTlsCapability = startTlsCapability;
        this.greetingPrefix = greetingPrefix;
    }

    MailProtocol protocol() {
        return protocol;
    }

    /** The lab.env key of the main instance's port for the mode. */
    String portKey(TransportMode mode) {
        return mode == TransportMode.IMPLICIT ? implicitPortKey : startTlsPortKey;
    }

    /** How the server advertises the upgrade: {@code STARTTLS} or {@code STLS}. */
    String startTlsCapability() {
        return startTlsCapability;
    }

    /** How the last line of a ready server's greeting starts. */
    String greetingPrefix() {
        return greetingPrefix;
    }

    abstract String capabilityCommand(String tag);

    abstract String startTlsCommand(String tag);

    abstract String quitCommand(String tag);

    /** The last line of the reply to a single-line command. */
    abstract Predicate<String> isLast(String tag);

    /** The last line of the greeting: its only line, except for SMTP. */
    Predicate<String> isLastOfGreeting() {
        return line -> true;
    }

    /** The last line of the reply to the capability command. */
    Predicate<String> isLastOfList(String tag) {
        return isLast(tag);
    }

    /** Whether the final line of a reply is a success. */
    abstract boolean isOk(String tag, String last);

    /** The capabilities listed in the reply to {@link #capabilityCommand}. */
    abstract List<String> capabilities(List<String> reply);

    /** Whether the capabilities let a client send a password in the PLAIN way. */
    abstract boolean offersPlainAuth(List<String> capabilities);
}
