package news.coverage.ingest.item;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The fields a SmartableAI item and the entries of its {@code related} list have in common, typed so that a number
 * is a number and a URL a URL. Fields not known here are kept as they came ({@link #other}): nothing is dropped.
 * Checks in the {@link Required} group apply to the item itself, not to its related entries.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "id", "canonicalUrl" })
public abstract class ItemFields extends OpenFields {

    /**
     * Checks that only a whole item must pass; a related entry may lack these fields. It extends {@link Default} so
     * that one validation pass over the item checks both: passing the two groups apart walks the related lists twice.
     */
    public interface Required extends Default {
    }

    /** Derived from the canonical URL; whatever an upload says here is replaced. */
    public String id;
    public String canonicalUrl;

    @Size(max = 100)
    public String category;
    @NotBlank(groups = Required.class)
    @Size(max = 1_000)
    public String title;
    @Size(max = 20_000)
    public String excerpt;
    @NotNull(groups = Required.class, message = "an ISO-8601 date-time with offset is required")
    public OffsetDateTime publishedDateTime;
    public OffsetDateTime updatedDateTime;
    @HttpUrl
    public String webUrl;
    @HttpUrl
    public String ampWebUrl;
    @HttpUrl
    public String cdnAmpWebUrl;
    @HttpUrl
    public String originalUrl;
    @HttpUrl
    public String sourceUrl;
    @Size(max = 50)
    public String type;
    /** The site's quality score: 0 to 189 in its data (the power-apps site passes 100), at most 1,000 here. */
    @Min(0)
    @Max(1_000)
    public Integer quality;
    @Size(max = 200_000)
    public String featuredContent;
    @NotNull(groups = Required.class, message = "a provider with name and domain is required")
    @Valid
    public Provider provider;
    public List<@Valid Image> images;

    /** The URL the item is known by: its web URL, else its original URL. */
    @JsonIgnore
    public String url() {
        return webUrl != null ? webUrl : originalUrl;
    }
}
