package news.coverage.recommend.related;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import news.coverage.problem.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@Path("/related")
@Tag(name = "related coverage")
@Produces(MediaType.APPLICATION_JSON)
public class RelatedResource {

    private static final int DEFAULT_LIMIT = 10;
    /** Ten years either side: wider windows find nothing more, and time arithmetic on them overflows. */
    private static final Duration MAX_WINDOW = Duration.ofDays(3650);
    private static final int MAX_LIMIT = 100;
    private static final Set<String> ARTICLE_PARAMETERS = Set.of("limit", "window", "providers", "exclude");
    private static final Set<String> DRAFT_PARAMETERS = Set.of("title", "text", "topics", "provider", "at", "limit",
            "window", "providers", "exclude");

    private final RelatedCoverageService service;

    public RelatedResource(RelatedCoverageService service) {
        this.service = service;
    }

    @GET
    @Path("/{articleId}")
    @Operation(summary = "Other outlets' coverage of an article's story, best first, with scores and reasons")
    @APIResponse(responseCode = "200", description = "The related coverage, possibly empty")
    @APIResponse(responseCode = "400", description = "A query parameter is malformed or out of range")
    @APIResponse(responseCode = "404", description = "No article has this id")
    public Uni<RelatedCoverage> related(@Context UriInfo uri, @PathParam("articleId") String articleId,
            @Parameter(description = "How many items at most (1 to 100, default 10)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100")) @QueryParam("limit") String limit,
            @Parameter(description = "ISO-8601 duration either side of the article's publication") @QueryParam("window") @DefaultValue("P7D") String window,
            @Parameter(description = "any, same (only the article's provider) or other (only other providers)") @QueryParam("providers") @DefaultValue("any") String providers,
            @Parameter(description = "Article ids to leave out; repeat the parameter or separate with commas") @QueryParam("exclude") List<String> exclude) {
        QueryParameters.requireOnly(uri.getQueryParameters(), ARTICLE_PARAMETERS);
        return service.relatedTo(articleId, options(limit, window, providers, exclude));
    }

    @GET
    @Operation(summary = "Related coverage of an item that is not in the catalog, such as a draft being written")
    @APIResponse(responseCode = "200", description = "The related coverage, possibly empty")
    @APIResponse(responseCode = "400", description = "No title or text, or a parameter is malformed or out of range")
    public Uni<RelatedCoverage> relatedToDraft(@Context UriInfo uri,
            @Parameter(description = "The draft's title") @QueryParam("title") String title,
            @Parameter(description = "The draft's excerpt or text") @QueryParam("text") String text,
            @Parameter(description = "Its topics; repeat the parameter or separate with commas") @QueryParam("topics") List<String> topics,
            @Parameter(description = "Its provider's domain, for the same-provider signal and the providers filter") @QueryParam("provider") String provider,
            @Parameter(description = "Its publication time (ISO-8601 instant); now if left out") @QueryParam("at") String at,
            @Parameter(description = "How many items at most (1 to 100, default 10)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100")) @QueryParam("limit") String limit,
            @Parameter(description = "ISO-8601 duration either side of the publication time") @QueryParam("window") @DefaultValue("P7D") String window,
            @Parameter(description = "any, same or other provider than `provider`") @QueryParam("providers") @DefaultValue("any") String providers,
            @Parameter(description = "Article ids to leave out") @QueryParam("exclude") List<String> exclude) {
        QueryParameters.requireOnly(uri.getQueryParameters(), DRAFT_PARAMETERS);
        if (isBlank(title) && isBlank(text)) {
            throw new BadRequestException("a draft needs a title or a text");
        }
        if (!"any".equals(providers) && isBlank(provider)) {
            throw new BadRequestException("providers=" + providers + " needs the draft's provider");
        }
        return service.relatedToDraft(title, text, values(topics), isBlank(provider) ? null : provider.strip(),
                instant(at), options(limit, window, providers, exclude));
    }

    private static RelatedQuery.Options options(String limit, String window, String providers, List<String> exclude) {
        return new RelatedQuery.Options(QueryParameters.wholeNumber("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
                window(window), providerFilter(providers), values(exclude));
    }

    private static Duration window(String window) {
        try {
            Duration duration = Duration.parse(window);
            if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_WINDOW) > 0) {
                throw new BadRequestException("window must be a positive duration of at most P3650D, not " + window);
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new BadRequestException("window must be an ISO-8601 duration such as P7D, not '" + window + "'");
        }
    }

    private static RelatedQuery.ProviderFilter providerFilter(String providers) {
        try {
            return RelatedQuery.ProviderFilter.valueOf(providers.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("providers must be any, same or other, not '" + providers + "'");
        }
    }

    private static Instant instant(String at) {
        return QueryParameters.instant("at", at).orElseGet(Instant::now);
    }

    /** Repeated parameters and comma-separated lists alike, trimmed, without blanks. */
    private static Set<String> values(List<String> parameters) {
        Set<String> values = new LinkedHashSet<>();
        if (parameters != null) {
            parameters.forEach(parameter -> Arrays.stream(parameter.split(","))
                    .map(String::strip).filter(value -> !value.isEmpty()).forEach(values::add));
        }
        return values;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
