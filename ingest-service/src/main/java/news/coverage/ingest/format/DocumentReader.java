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

    public List<ParsedItem> read(Document document, TextMetadata metadata) {
        if (document.content().length > limits.documentBytes()) {
            throw new LimitExceededException("ingest.limits.document-bytes", document.source() + " is larger than "
                    + limits.documentBytes() + " bytes");
        }
        DocumentFormat format = DocumentFormat.of(document);
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
        try {
            String text = Text.decode(document.content());
            return switch (format) {
                case MARKDOWN -> List.of(ParsedItem.parsed(source, markdown.read(text)));
                case PLAIN_TEXT -> List.of(ParsedItem.parsed(source, plainText.read(text, metadata)));
                case NDJSON -> lines(source, text);
                default -> jsonDocument(source, json.read(text));
            };
        } catch (InvalidItemException e) {
            return List.of(ParsedItem.failed(source, e.errors()));
        }
    }

    /** An API page holds its items in {@code value}; anything else is one item. */
    private static List<ParsedItem> jsonDocument(String source, JsonNode node) {
        if (node.isObject() && node.path("value").isArray() && !node.has("title")) {
            List<ParsedItem> items = new ArrayList<>();
            for (int i = 0; i < node.get("value").size(); i++) {
                items.add(ParsedItem.parsed(source + "#value/" + i, node.get("value").get(i)));
            }
            return items;
        }
        return List.of(ParsedItem.parsed(source, node));
    }

    private List<ParsedItem> lines(String source, String text) {
        List<ParsedItem> items = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String lineSource = source + ":" + (i + 1);
            try {
                items.add(ParsedItem.parsed(lineSource, json.read(lines.get(i))));
            } catch (InvalidItemException e) {
                items.add(ParsedItem.failed(lineSource, e.errors()));
            }
        }
        return items;
    }
}
