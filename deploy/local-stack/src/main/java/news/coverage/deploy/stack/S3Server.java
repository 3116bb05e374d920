package news.coverage.deploy.stack;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * An S3-compatible object store in this JVM (s3proxy over jclouds): in memory for tests, on the file system for the
 * local run, where an object of bucket {@code b} is the file {@code <folder>/b/<key>}. It accepts any credentials.
 */
public final class S3Server implements AutoCloseable {

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final String endpoint;

    private S3Server(S3Proxy proxy, BlobStoreContext context, String endpoint) {
        this.proxy = proxy;
        this.context = context;
        this.endpoint = endpoint;
    }

    public static S3Server inMemory(int port, String bucket) throws IOException {
        return start(ContextBuilder.newBuilder("transient").credentials("local", "local")
                .build(BlobStoreContext.class), port, bucket);
    }

    public static S3Server onDisk(Path folder, int port, String bucket) throws IOException {
        Files.createDirectories(folder);
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", folder.toAbsolutePath().toString());
        return start(ContextBuilder.newBuilder("filesystem").credentials("local", "local").overrides(properties)
                .build(BlobStoreContext.class), port, bucket);
    }

    private static S3Server start(BlobStoreContext context, int port, String bucket) throws IOException {
        int bound = port == 0 ? FreePort.find() : port;
        String endpoint = "http://127.0.0.1:" + bound;
        BlobStore store = context.getBlobStore();
        if (!store.containerExists(bucket)) {
            store.createContainerInLocation(null, bucket);
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create(endpoint))
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .build();
        try {
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(20);
            }
        } catch (Exception e) {
            context.close();
            throw new IOException("the S3 server did not start on " + endpoint, e);
        }
        return new S3Server(proxy, context, endpoint);
    }

    public String endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws IOException {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IOException("the S3 server did not stop", e);
        } finally {
            context.close();
        }
    }
}
