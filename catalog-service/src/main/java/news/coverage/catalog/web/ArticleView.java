package news.coverage.catalog.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * An article of the catalog as a page shows it, read from the stored item.
 *
 * @param logoUrl  the outlet's logo, from the item's provider images, absent if it has none
 * @param imageUrl the article's first image, absent if it has none
 * @param related  the item's own editorial related list
 */
public record ArticleView(String id, String title, String excerpt, String url, Outlet outlet, String logoUrl,
        Instant publishedAt, Instant firstSeenAt, String imageUrl, List<String> topics, List<EditorialLink> related) {

    /** An entry of the item's editorial related list. */
    public record EditorialLink(String title, String url, String outlet, Instant publishedAt) {
    }

    /** Reads the item as the catalog API shows it: every field of the item, plus {@code firstSeenAt}. */
    static ArticleView of(String id, JsonNode item) {
        List<String> topics = new ArrayList<>();
        item.path("topics").forEach(topic -> topics.add(topic.asText()));
        List<EditorialLink> related = new ArrayList<>();
        item.path("related").forEach(link -> related.add(new EditorialLink(text(link, "title"), text(link, "webUrl"),
                outlet(link.path("provider")).label(), instant(link, "publishedDateTime"))));
        JsonNode provider = item.path("provider");
        return new ArticleView(id, text(item, "title"), text(item, "excerpt"), text(item, "webUrl"), outlet(provider),
                firstImage(provider), instant(item, "publishedDateTime"), instant(item, "firstSeenAt"),
                firstImage(item), topics, related);
    }

    private static Outlet outlet(JsonNode provider) {
        return new Outlet(text(provider, "name"), text(provider, "domain"));
    }

    private static String firstImage(JsonNode node) {
        return text(node.path("images").path(0), "url");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
