package news.coverage.deploy.stack;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link S3Server} in this JVM but in a class loader of its own, made of this module's classes and its runtime
 * dependencies as the build listed them. jclouds, which s3proxy stands on, wires itself with Guice 7 and
 * {@code javax.inject} annotations; a Quarkus test's class path has another Guice and its class loader leaves
 * {@code javax.inject} out. Loaded apart, the server finds exactly what it was built with.
 */
final class IsolatedS3Server implements AutoCloseable {

    private static final String CLASS_PATH = "/META-INF/news-coverage/local-stack.classpath";

    private final URLClassLoader loader;
    private final AutoCloseable server;
    private final String endpoint;

    private IsolatedS3Server(URLClassLoader loader, AutoCloseable server, String endpoint) {
        this.loader = loader;
        this.server = server;
        this.endpoint = endpoint;
    }

    /** As {@link S3Server#inMemory} when {@code folder} is null, else {@link S3Server#onDisk}. */
    static IsolatedS3Server start(Path folder, int port, String bucket) throws IOException {
        Logging.quiet();
        URLClassLoader loader = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader());
        // jclouds finds its providers through the context class loader, and the server's threads inherit it
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> type = loader.loadClass(S3Server.class.getName());
            Object server = folder == null
                    ? type.getMethod("inMemory", int.class, String.class).invoke(null, port, bucket)
                    : type.getMethod("onDisk", Path.class, int.class, String.class).invoke(null, folder, port, bucket);
            String endpoint = (String) type.getMethod("endpoint").invoke(server);
            return new IsolatedS3Server(loader, (AutoCloseable) server, endpoint);
        } catch (InvocationTargetException e) {
            loader.close();
            throw new IOException("the S3 server did not start", e.getCause());
        } catch (ReflectiveOperationException e) {
            loader.close();
            throw new IOException("the S3 server cannot be loaded", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** This module's classes, then the jars of its runtime class path as written by the build. */
    private static URL[] classPath() throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(IsolatedS3Server.class.getProtectionDomain().getCodeSource().getLocation());
        try (InputStream listing = IsolatedS3Server.class.getResourceAsStream(CLASS_PATH)) {
            if (listing == null) {
                throw new IOException(CLASS_PATH + " is missing: build deploy/local-stack with Maven");
            }
            for (String entry : new String(listing.readAllBytes(), StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    String endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            loader.close();
        }
    }
}
