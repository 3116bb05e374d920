package news.coverage.ingest.item;

import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.article.CanonicalUrl;
import news.coverage.article.Topics;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings a valid item to one form: canonical URL and the id derived from it (for the item and each related entry),
 * dates in UTC, provider domains in lower case, topics trimmed with one spelling each.
 */
@ApplicationScoped
public class ItemNormalizer {

    /** The known topics by their key (lower case, single spaces): a topic given in any case takes this spelling. */
    private final Map<String, String> canonicalTopics;

    public ItemNormalizer(@ConfigProperty(name = "ingest.topics.canonical") List<String> canonicalTopics) {
        this.canonicalTopics = canonicalTopics.stream()
                .map(Topics::tidy)
                .collect(Collectors.toMap(Topics::key, Function.identity(), (first, second) -> first));
    }

    public NewsItem normalize(NewsItem item) {
        normalizeFields(item);
        item.topics = canonical(item.topics);
        item.tags = item.tags == null ? null : item.tags.stream().map(Topics::tidy).distinct().toList();
        if (item.related != null) {
            item.related.forEach(ItemNormalizer::normalizeFields);
        }
        return item;
    }

    private static void normalizeFields(ItemFields fields) {
        fields.canonicalUrl = fields.url() == null ? null : CanonicalUrl.of(fields.url()).orElse(null);
        fields.id = fields.canonicalUrl == null ? null : CanonicalUrl.articleId(fields.canonicalUrl);
        fields.publishedDateTime = utc(fields.publishedDateTime);
        fields.updatedDateTime = utc(fields.updatedDateTime);
        if (fields.provider != null && fields.provider.domain != null) {
            fields.provider.domain = fields.provider.domain.strip().toLowerCase(Locale.ROOT);
        }
    }

    private List<String> canonical(List<String> topics) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String topic : topics) {
            String key = Topics.key(topic);
            byKey.putIfAbsent(key, canonicalTopics.getOrDefault(key, Topics.tidy(topic)));
        }
        return List.copyOf(byKey.values());
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }

}
