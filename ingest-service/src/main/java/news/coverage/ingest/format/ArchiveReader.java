package news.coverage.ingest.format;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Expands zip and tar.gz archives into their documents, counting what it really reads rather than what the headers
 * claim: a zip bomb stops at the configured limits. An entry whose content does not match its CRC-32, or a link, makes
 * the archive unreadable: a corrupt archive is refused whole rather than taken in part.
 */
@ApplicationScoped
public class ArchiveReader {

    private final IngestLimits limits;

    public ArchiveReader(IngestLimits limits) {
        this.limits = limits;
    }

    /** The archive's file entries, each as a document named {@code archive!entry}. */
    public List<Document> expand(Document archive, DocumentFormat format) throws IOException {
        List<Document> documents = new ArrayList<>();
        try (ArchiveInputStream<?> entries = open(archive, format)) {
            long expanded = 0;
            ArchiveEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (documents.size() == limits.archiveEntries()) {
                    throw new LimitExceededException("ingest.limits.archive-entries", archive.source()
                            + " has more than " + limits.archiveEntries() + " entries");
                }
                String source = archive.source() + "!" + entry.getName();
                if (entry instanceof TarArchiveEntry tar && (tar.isSymbolicLink() || tar.isLink() || !tar.isFile())) {
                    throw new IOException(source + " is a link or a special file, not a document");
                }
                byte[] content = readBounded(entries, limits.documentBytes(), source);
                if (entry instanceof ZipArchiveEntry zip && zip.getCrc() != -1 && zip.getCrc() != crc(content)) {
                    throw new IOException(source + " does not match its CRC-32: the archive is corrupt");
                }
                expanded += content.length;
                if (expanded > limits.archiveBytes()) {
                    throw new LimitExceededException("ingest.limits.archive-bytes", archive.source()
                            + " expands to more than " + limits.archiveBytes() + " bytes");
                }
                documents.add(new Document(source, null, content));
            }
        }
        return documents;
    }

    private static ArchiveInputStream<?> open(Document archive, DocumentFormat format) throws IOException {
        InputStream in = new ByteArrayInputStream(archive.content());
        return format == DocumentFormat.ZIP ? new ZipArchiveInputStream(in)
                : new TarArchiveInputStream(new GzipCompressorInputStream(in));
    }

    private static long crc(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return crc.getValue();
    }

    /** Reads one entry, refusing it past {@code max} bytes. */
    static byte[] readBounded(InputStream in, int max, String source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (out.size() + read > max) {
                throw new LimitExceededException("ingest.limits.document-bytes", source + " is larger than " + max
                        + " bytes");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }
}
