package news.coverage.ingest.item;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The outlet that published an item. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Provider extends OpenFields {

    @NotBlank(groups = ItemFields.Required.class, message = "a provider name is required")
    @Size(max = 200)
    public String name;
    @NotBlank(groups = ItemFields.Required.class, message = "a provider domain is required")
    @HostName
    public String domain;
    public List<@Valid Image> images;
}
