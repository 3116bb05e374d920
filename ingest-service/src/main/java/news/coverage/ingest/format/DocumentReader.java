package news.coverage.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.ingest.item.FieldError;
import news.coverage.ingest.item.InvalidItemException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the items in an uploaded document of any format: Markdown with front matter, a JSON item or API page
 * ({@code {"page": n, "value": [items]}}), NDJSON, a plain-text article, or a zip or tar.gz archive of those.
 * A part that cannot be parsed becomes a failed item; the others are not held back by it.
 */
@ApplicationScoped
public class DocumentReader {

    private final MarkdownReader markdown;
    private final JsonReader json;
    private final PlainTextReader plainText;
    private final ArchiveReader archives;
    private final IngestLimits limits;

    public DocumentReader(MarkdownReader markdown, JsonReader json, PlainTextReader plainText, ArchiveReader archives,
            IngestLimits limits) {
        this.markdown = markdown;
        this.json = json;
        this.plainText = plainText;
        this.archives = archives;
        this.limits = limits;
    }

    /**
     * The items of the document. One item may be at most {@code ingest.limits.document-bytes}: a Markdown or text
     * document, a JSON item, an NDJSON line, an archive entry. Batches (NDJSON, API pages, archives) are bounded by
     * the HTTP body limit, the items per batch and, expanded, the archive bytes.
     */
    public List<ParsedItem> read(Document document, TextMetadata metadata) {
        DocumentFormat format = DocumentFormat.of(document);
        if (format == DocumentFormat.MARKDOWN || format == DocumentFormat.PLAIN_TEXT) {
            requireItemSize(document.source(), document.content().length);
        }
        return switch (format) {
            case ZIP, TAR_GZ -> expand(document, format, metadata);
            default -> parse(document, format, metadata);
        };
    }

    private List<ParsedItem> expand(Document archive, DocumentFormat format, TextMetadata metadata) {
        List<Document> entries;
        try {
            entries = archives.expand(archive, format);
        } catch (IOException e) {
            return List.of(ParsedItem.failed(archive.source(),
                    List.of(new FieldError("", "the archive cannot be read: " + e.getMessage()))));
        }
        List<ParsedItem> items = new ArrayList<>();
        for (Document entry : entries) {
            DocumentFormat entryFormat = DocumentFormat.of(entry);
            items.addAll(entryFormat == DocumentFormat.ZIP || entryFormat == DocumentFormat.TAR_GZ
                    ? List.of(ParsedItem.failed(entry.source(), List.of(new FieldError("", "archives inside archives are not read"))))
                    : parse(entry, entryFormat, metadata));
        }
        return items;
    }

    private List<ParsedItem> parse(Document document, DocumentFormat format, TextMetadata metadata) {
        String source = document.source();
        byte[] content = document.content();
        try {
            return switch (format) {
                case MARKDOWN -> List.of(ParsedItem.parsed(source, markdown.read(Text.decode(content))));
                case PLAIN_TEXT -> List.of(ParsedItem.parsed(source, plainText.read(Text.decode(content), metadata)));
                case NDJSON -> lines(source, content);
                default -> jsonDocument(source, json.read(content, 0, content.length), content.length);
            };
        } catch (InvalidItemException e) {
            return List.of(ParsedItem.failed(source, e.errors()));
        }
    }

    private void requireItemSize(String source, int bytes) {
        if (bytes > limits.documentBytes()) {
            throw new LimitExceededException("ingest.limits.document-bytes", source + " is larger than "
                    + limits.documentBytes() + " bytes");
        }
    }

    /** An API page holds its items in {@code value}; anything else is one item. */
    private List<ParsedItem> jsonDocument(String source, JsonNode node, int bytes) {
        if (node.isObject() && node.path("value").isArray() && !node.has("title")) {
            List<ParsedItem> items = new ArrayList<>();
            for (int i = 0; i < node.get("value").size(); i++) {
                items.add(ParsedItem.parsed(source + "#value/" + i, node.get("value").get(i)));
            }
            return items;
        }
        requireItemSize(source, bytes);
        return List.of(ParsedItem.parsed(source, node));
    }

    /** NDJSON split into lines on the bytes, without copying a large upload into one string first. */
    private List<ParsedItem> lines(String source, byte[] content) {
        List<ParsedItem> items = new ArrayList<>();
        int start = startsWithByteOrderMark(content) ? 3 : 0;
        for (int line = 1; start < content.length; line++) {
            int newline = start;
            while (newline < content.length && content[newline] != '\n') {
                newline++;
            }
            int end = newline > start && content[newline - 1] == '\r' ? newline - 1 : newline;
            if (!isBlank(content, start, end)) {
                String lineSource = source + ":" + line;
                requireItemSize(lineSource, end - start);
                items.add(ParsedItem.unparsed(lineSource, content, start, end - start));
            }
            start = newline + 1;
        }
        return items;
    }

    private static boolean startsWithByteOrderMark(byte[] content) {
        return content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
                && (content[2] & 0xff) == 0xbf;
    }

    private static boolean isBlank(byte[] content, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(content[i])) {
                return false;
            }
        }
        return true;
    }
}
