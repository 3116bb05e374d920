package news.coverage.ingest.item;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.groups.Default;

import java.util.List;

/** One news item: the SmartableAI Markdown front matter, or one item of the SmartableAI API. */
@RegisterForReflection
public class NewsItem extends ItemFields {

    @NotEmpty(groups = Required.class, message = "at least one topic is required")
    @Size(max = 100)
    public List<@NotBlank @Size(max = 200) String> topics;
    @Size(max = 100)
    public List<@NotBlank @Size(max = 200) String> tags;
    @Size(max = 100)
    public List<@NotBlank @Size(max = 200) String> categories;
    public Integer heat;
    public Boolean published;
    /** An opaque signature of the site's: kept byte for byte. */
    @Size(max = 10_000)
    public String secured;
    @Size(max = 1_000)
    public String path;
    @Size(max = 20)
    public String locale;
    @Size(max = 1_000_000)
    public String content;
    /** The Markdown body after the front matter, or the text of a plain-text article. */
    @Size(max = 1_000_000)
    public String body;
    /** Teasers of other stories that a scraped page showed below the article; not part of its text. */
    public List<@Valid Teaser> teasers;
    /** The site's own list of other outlets' reports of the same story. */
    @Size(max = 500)
    public List<@Valid @ConvertGroup(from = Required.class, to = Default.class) RelatedItem> related;

    @JsonIgnore
    @AssertTrue(groups = Required.class, message = "webUrl or originalUrl is required")
    public boolean isUrlGiven() {
        return url() != null;
    }

    /** A teaser of another story: its title and the lines shown under it. */
    @RegisterForReflection
    public record Teaser(@NotBlank @Size(max = 1_000) String title, @Size(max = 20_000) String excerpt) {
    }
}
