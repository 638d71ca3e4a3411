package io.deepmail.benchmarks.worker;

import io.deepmail.benchmarks.common.BenchPki;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * B2 for Angus Mail as it is usually used: a connected {@code imaps} store per session, INBOX
 * opened read-write (SELECT), and a thread blocked in {@code IMAPFolder.idle()} per session.
 */
final class AngusIdle implements IdleSessions.Holder {

    /** Sessions being set up at once. */
    private static final int SETUP_CONCURRENCY = 16;

    private final Session session;
    private final int port;
    private final List<Store> stores = new ArrayList<>();
    private final List<Thread> idlers = new ArrayList<>();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean closing;

    AngusIdle(WorkerConfig config) {
        Properties props = new Properties();
        props.put("mail.imaps.ssl.socketFactory", BenchPki.jdkContext(config.pki()).getSocketFactory());
        props.put("mail.imaps.ssl.checkserveridentity", "true");
        props.put("mail.imaps.ssl.protocols", "TLSv1.3 TLSv1.2");
        this.session = Session.getInstance(props);
        this.port = config.port();
    }

    @Override
    public void openUntil(int total) throws Exception {
        int need = total - stores.size();
        try (Blocking setup = new Blocking(SETUP_CONCURRENCY, "angus-setup")) {
            List<CompletableFuture<?>> all = new ArrayList<>();
            List<IMAPFolder> folders = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < need; i++) {
                all.add(setup.submit(() -> {
                    Store store = session.getStore("imaps");
                    store.connect(BenchPki.HOST, port, Ours.USER, Ours.PASSWORD);
                    IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                    inbox.open(Folder.READ_WRITE);
                    synchronized (stores) {
                        stores.add(store);
                    }
                    folders.add(inbox);
                }).toCompletableFuture());
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
            for (IMAPFolder f : folders) {
                Thread t = new Thread(() -> idle(f), "angus-idle-" + idlers.size());
                t.setDaemon(true);
                t.start();
                idlers.add(t);
            }
        }
    }

    private void idle(IMAPFolder folder) {
        while (!closing) {
            try {
                folder.idle();
            } catch (Exception e) {
                if (!closing) {
                    failures.incrementAndGet();
                }
                return;
            }
        }
    }

    @Override
    public long failures() {
        return failures.get();
    }

    /** Stops re-entering IDLE; the sockets close when the worker JVM exits. */
    @Override
    public void close() {
        closing = true;
    }
}
