package news.coverage.recommend.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;

/**
 * The value of an {@code articles.cataloged} record, as much of it as the read model keeps: the item's id, its
 * content version and the stored item.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogedArticle(String id, String version, Item item) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String title, String excerpt, String canonicalUrl, Provider provider, Instant publishedDateTime,
            Integer quality, String type, List<Image> images, List<String> topics, List<Related> related) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Provider(String name, String domain) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Image(String url) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Related(String id) {
    }

    /** What keeps it out of the read model, or null when nothing does. */
    String problem(String key) {
        if (id == null || !id.equals(key)) {
            return "a cataloged article needs an id equal to the record key";
        }
        if (version == null || item == null) {
            return "a cataloged article needs a version and an item";
        }
        if (item.title() == null || item.canonicalUrl() == null || item.publishedDateTime() == null
                || item.provider() == null || item.provider().name() == null || item.provider().domain() == null) {
            return "a cataloged item needs a title, a canonicalUrl, a publishedDateTime and a provider name and domain";
        }
        return null;
    }
}
