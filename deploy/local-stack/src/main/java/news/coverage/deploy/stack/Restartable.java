package news.coverage.deploy.stack;

import java.io.IOException;

/** A server of the stack that can be stopped and started again in place: the same port, the same data. */
public interface Restartable extends AutoCloseable {

    /** Stops the server; its clients lose their connections and its data stays. */
    void stop() throws IOException;

    /** Starts it again where it was and waits until it answers; nothing when it runs. */
    void restart() throws IOException;
}
