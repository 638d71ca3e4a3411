package io.deepmail.core.connect;

import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Scripted servers speaking {@link TestDialect}, and a blackholed port. */
final class ConnectorServers {

    private ConnectorServers() {
    }

    static ScriptedTlsServer implicit(Credential credential) throws Exception {
        Script script = Script.builder().timeout(Duration.ofSeconds(20)).send("* OK ready\r\n")
                .expectLine("a1 CAPABILITY").send("* CAPABILITY IMAP4rev2 AUTH=PLAIN\r\na1 OK\r\n").awaitClose().build();
        return ScriptedTlsServer.builder().credential(credential.key(), credential.chain()).implicitTls()
                .scripts(i -> script).start();
    }

    static ScriptedTlsServer cleartext(Credential credential) throws Exception {
        Script script = Script.builder().timeout(Duration.ofSeconds(20)).send("* OK ready\r\n")
                .expectLine("a1 CAPABILITY").send("* CAPABILITY IMAP4rev2 AUTH=PLAIN\r\na1 OK\r\n").awaitClose().build();
        return ScriptedTlsServer.builder().credential(credential.key(), credential.chain()).scripts(i -> script).start();
    }

    static ScriptedTlsServer startTls(Credential credential) throws Exception {
        Script script = Script.builder().timeout(Duration.ofSeconds(20)).send("* OK ready\r\n")
                .expectLine("a1 CAPABILITY").send("* CAPABILITY IMAP4rev2 STARTTLS LOGINDISABLED\r\na1 OK\r\n")
                .expectLine("a2 STARTTLS").send("a2 OK begin\r\n").startTls()
                .expectLine("a3 CAPABILITY").send("* CAPABILITY IMAP4rev2 AUTH=PLAIN\r\na3 OK\r\n")
                .awaitClose().build();
        return ScriptedTlsServer.builder().credential(credential.key(), credential.chain()).scripts(i -> script)
                .start();
    }

    /** A TCP port whose accept queue is full, so new SYNs are dropped and connects hang. */
    static final class Blackhole implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> fillers = new ArrayList<>();

        Blackhole() throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            for (int i = 0; i < 16; i++) {
                Socket s = new Socket();
                try {
                    s.connect(server.getLocalSocketAddress(), 200);
                    fillers.add(s);
                } catch (SocketTimeoutException e) {
                    s.close();
                    return;
                }
            }
            throw new IllegalStateException("could not fill the accept queue");
        }

        int port() {
            return server.getLocalPort();
        }

        InetSocketAddress address() {
            return (InetSocketAddress) server.getLocalSocketAddress();
        }

        @Override
        public void close() throws IOException {
            for (Socket s : fillers) {
                s.close();
            }
            server.close();
        }
    }
}
