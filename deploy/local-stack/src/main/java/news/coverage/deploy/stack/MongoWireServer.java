package news.coverage.deploy.stack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * An in-process server of the MongoDB wire protocol (mongo-java-server). It lacks $text, transactions, sessions and
 * change streams, so the services use none of them.
 */
public final class MongoWireServer implements Restartable {

    /** Gives the backend of each start: the same data again when it is a file. */
    private final Supplier<MongoBackend> backends;
    private final boolean restartable;
    private final int port;
    /** Null while stopped. */
    private MongoServer server;

    private MongoWireServer(Supplier<MongoBackend> backends, boolean restartable, int port) {
        this.backends = backends;
        this.restartable = restartable;
        this.port = port;
    }

    /** Keeps everything in memory: for tests. It cannot be restarted, since its data goes with it. */
    public static MongoWireServer inMemory(int port) {
        return start(MemoryBackend::new, false, port);
    }

    /** Persists to an H2 MVStore file, so that a second start finds the data again: for the local run. */
    public static MongoWireServer persistent(Path file, int port) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String path = file.toAbsolutePath().toString();
        return start(() -> new H2Backend(path), true, port);
    }

    private static MongoWireServer start(Supplier<MongoBackend> backends, boolean restartable, int port) {
        MongoWireServer server = new MongoWireServer(backends, restartable, port == 0 ? FreePort.find() : port);
        server.restart();
        return server;
    }

    public String connectionString() {
        return "mongodb://localhost:" + port;
    }

    @Override
    public synchronized void restart() {
        if (server == null) {
            server = new MongoServer(backends.get());
            server.bind("localhost", port);
        }
    }

    /** Closes every connection and the backend (an H2 file is written out first). */
    @Override
    public synchronized void stop() {
        if (!restartable) {
            throw new IllegalStateException("an in-memory MongoDB server cannot be stopped and started again");
        }
        close();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }
}
