package news.coverage.ingest.item;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** An image of an item or of a provider. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Image extends OpenFields {

    @NotBlank
    @HttpUrl
    public String url;
    @Positive
    public Integer width;
    @Positive
    public Integer height;
    public Boolean isCached;
    @Size(max = 1_000)
    public String title;
}
