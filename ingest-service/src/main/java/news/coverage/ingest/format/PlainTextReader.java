package news.coverage.ingest.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.ingest.item.FieldError;
import news.coverage.ingest.item.InvalidItemException;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a scraped plain-text article: the first non-blank line is the title, the rest the body. Site boilerplate
 * is taken out of the body: share-button lines are dropped, and the "Read More →" teasers of other stories at the
 * end are kept apart as {@code teasers}. What the text does not say (URL, provider, date, topics) comes from
 * {@link TextMetadata}; without it the error names each missing parameter.
 */
@ApplicationScoped
public class PlainTextReader {

    private static final Pattern SHARE_BUTTON = Pattern.compile("(?i)share on [a-z]+");
    private static final Pattern READ_MORE = Pattern.compile("(?i)read more\\s*(→|->|»)?");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

    private final ObjectMapper json;

    public PlainTextReader(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode read(String text, TextMetadata metadata) {
        requireMetadata(metadata);
        String withoutShareButtons = text.replace("\r\n", "\n").lines()
                .filter(line -> !SHARE_BUTTON.matcher(line.strip()).matches())
                .collect(Collectors.joining("\n"));
        List<String> blocks = new ArrayList<>(Arrays.stream(BLANK_LINES.split(withoutShareButtons.strip()))
                .map(String::strip)
                .filter(block -> !block.isEmpty())
                .toList());
        if (blocks.isEmpty()) {
            throw new InvalidItemException("/title", "the text is empty: its first line is the title");
        }
        String first = blocks.remove(0);
        int newline = first.indexOf('\n');
        String title = newline < 0 ? first : first.substring(0, newline).strip();
        if (newline >= 0) {
            blocks.add(0, first.substring(newline + 1).strip());
        }

        ObjectNode item = json.createObjectNode();
        item.put("title", title);
        item.put("webUrl", metadata.url());
        item.put("publishedDateTime", metadata.publishedDateTime());
        item.put("type", "article");
        item.putObject("provider").put("name", metadata.provider()).put("domain", domain(metadata));
        ArrayNode topics = item.putArray("topics");
        metadata.topics().forEach(topics::add);

        // teasers are blocks of title, lines, "Read More →" at the end of the page
        int bodyEnd = blocks.size();
        List<ObjectNode> teasers = new ArrayList<>();
        while (bodyEnd >= 3 && READ_MORE.matcher(blocks.get(bodyEnd - 1)).matches()) {
            teasers.add(0, json.createObjectNode().put("title", blocks.get(bodyEnd - 3))
                    .put("excerpt", blocks.get(bodyEnd - 2)));
            bodyEnd -= 3;
        }
        item.put("body", String.join("\n\n", blocks.subList(0, bodyEnd)));
        if (!teasers.isEmpty()) {
            item.putArray("teasers").addAll(teasers);
        }
        return item;
    }

    private static void requireMetadata(TextMetadata metadata) {
        List<FieldError> missing = new ArrayList<>();
        if (blank(metadata.url())) {
            missing.add(missing("/webUrl", "url", "its web address"));
        }
        if (blank(metadata.provider())) {
            missing.add(missing("/provider/name", "provider", "the outlet's name"));
        }
        if (blank(metadata.publishedDateTime())) {
            missing.add(missing("/publishedDateTime", "publishedDateTime", "when it was published, ISO-8601 with offset"));
        }
        if (metadata.topics().stream().allMatch(PlainTextReader::blank)) {
            missing.add(missing("/topics", "topics", "one or more topics"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidItemException(missing);
        }
    }

    private static FieldError missing(String field, String parameter, String what) {
        return new FieldError(field, "a plain-text article does not say " + what + ": pass it as the query parameter '"
                + parameter + "'");
    }

    private static String domain(TextMetadata metadata) {
        if (!blank(metadata.providerDomain())) {
            return metadata.providerDomain();
        }
        try {
            String host = URI.create(metadata.url().strip()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
