package news.coverage.deploy.stack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An in-process server of the MongoDB wire protocol (mongo-java-server). It lacks $text, transactions, sessions and
 * change streams, so the services use none of them.
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final String connectionString;

    private MongoWireServer(MongoServer server, String connectionString) {
        this.server = server;
        this.connectionString = connectionString;
    }

    /** Keeps everything in memory: for tests. */
    public static MongoWireServer inMemory(int port) {
        return bind(new MemoryBackend(), port);
    }

    /** Persists to an H2 MVStore file, so that a second start finds the data again: for the local run. */
    public static MongoWireServer persistent(Path file, int port) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return bind(new H2Backend(file.toAbsolutePath().toString()), port);
    }

    private static MongoWireServer bind(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        server.bind("localhost", port == 0 ? FreePort.find() : port);
        var address = server.getLocalAddress();
        return new MongoWireServer(server, "mongodb://localhost:" + address.getPort());
    }

    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
