package news.coverage.ingest.format;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The formats an upload may come in, told by file name, then declared media type, then the first bytes. */
public enum DocumentFormat {
    MARKDOWN, JSON, NDJSON, PLAIN_TEXT, ZIP, TAR_GZ;

    public static DocumentFormat of(Document document) {
        String name = document.source() == null ? "" : document.source().toLowerCase(Locale.ROOT);
        String mediaType = document.mediaType() == null ? "" : document.mediaType().toLowerCase(Locale.ROOT);
        byte[] content = document.content();
        if (name.endsWith(".md") || name.endsWith(".markdown") || mediaType.startsWith("text/markdown")) {
            return MARKDOWN;
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl") || mediaType.startsWith("application/x-ndjson")) {
            return NDJSON;
        }
        if (name.endsWith(".json") || mediaType.startsWith("application/json")) {
            return JSON;
        }
        if (name.endsWith(".zip") || mediaType.startsWith("application/zip")) {
            return ZIP;
        }
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz") || mediaType.contains("gzip")) {
            return TAR_GZ;
        }
        // scraped pages saved as .txt may still be Markdown with front matter, as some of the seed files are
        if (startsWith(content, "---\n") || startsWith(content, "---\r\n")) {
            return MARKDOWN;
        }
        if (name.endsWith(".txt") || mediaType.startsWith("text/plain")) {
            return PLAIN_TEXT;
        }
        if (content.length > 3 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return ZIP;
        }
        if (content.length > 1 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b) {
            return TAR_GZ;
        }
        return startsWith(content, "{") ? JSON : PLAIN_TEXT;
    }

    private static boolean startsWith(byte[] content, String prefix) {
        byte[] bytes = prefix.getBytes(StandardCharsets.US_ASCII);
        if (content.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (content[i] != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
