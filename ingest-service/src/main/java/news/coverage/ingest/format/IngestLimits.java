package news.coverage.ingest.format;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much one upload may hold: beyond these the client gets a 413 that names the limit. */
@ConfigMapping(prefix = "ingest.limits")
public interface IngestLimits {

    /** Bytes of one document (one file, one archive entry, one object). */
    @WithDefault("2097152")
    int documentBytes();

    /** Items in one batch upload, whatever the files and archives they are in. */
    @WithDefault("10000")
    int itemsPerBatch();

    /** Entries of one archive. */
    @WithDefault("10000")
    int archiveEntries();

    /** Bytes of one archive once expanded: a zip bomb stops here, whatever its headers claim. */
    @WithDefault("268435456")
    long archiveBytes();
}
