package news.coverage.catalog.article;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.coverage.article.CanonicalUrl;
import news.coverage.catalog.messaging.CatalogedPublisher;
import news.coverage.problem.QueryParameters;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/articles")
@Tag(name = "articles")
public class ArticleResource {

    static final String MARKDOWN = "text/markdown;charset=utf-8";
    private static final Set<String> SEARCH_PARAMETERS = Set.of("url", "topic", "match", "provider", "from", "to",
            "type", "limit", "cursor");

    private final ArticleRepository repository;
    private final ArticleSearch search;
    private final ArticleRepresentation representation;
    private final MarkdownWriter markdown;
    private final CatalogedPublisher publisher;
    private final ArticleStore store;

    public ArticleResource(ArticleRepository repository, ArticleSearch search, ArticleRepresentation representation,
            MarkdownWriter markdown, CatalogedPublisher publisher, ArticleStore store) {
        this.store = store;
        this.repository = repository;
        this.search = search;
        this.representation = representation;
        this.markdown = markdown;
        this.publisher = publisher;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Articles by topics, provider, time range and type, newest first, page by page")
    @APIResponse(responseCode = "200", description = "A page of articles and the cursor of the next one")
    @APIResponse(responseCode = "400", description = "A parameter that is not one of these, or a value that is not valid")
    public Uni<ArticlePage> search(@Context UriInfo uri,
            @Parameter(description = "Any of the article's URLs (canonical, web, original, AMP, source), in any spelling that has the same canonical form: scheme and host case, default port, tracking parameters") @QueryParam("url") String url,
            @Parameter(description = "A topic, in any case and spacing (computer vision finds Computer Vision); repeat for several") @QueryParam("topic") List<String> topics,
            @Parameter(description = "all: every topic given (default); any: one of them") @QueryParam("match") @DefaultValue("all") String match,
            @Parameter(description = "The provider by its domain or its name, in any case: nymag.com, CNET, CNET.COM") @QueryParam("provider") String provider,
            @Parameter(description = "Published at or after, ISO-8601") @QueryParam("from") String from,
            @Parameter(description = "Published before, ISO-8601") @QueryParam("to") String to,
            @Parameter(description = "The item type, such as article or video") @QueryParam("type") String type,
            @Parameter(description = "Articles per page, 1 to 100 (default 20)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100")) @QueryParam("limit") String limitParameter,
            @Parameter(description = "The next cursor of the previous page") @QueryParam("cursor") String cursor) {
        QueryParameters.requireOnly(uri.getQueryParameters(), SEARCH_PARAMETERS);
        int limit = QueryParameters.wholeNumber("limit", limitParameter, 20, 1, 100);
        if (!match.equals("all") && !match.equals("any")) {
            throw new BadRequestException("match is all or any, not '" + match + "'");
        }
        Optional<String> canonicalUrl = Optional.ofNullable(url).map(given -> CanonicalUrl.of(given)
                .orElseThrow(() -> new BadRequestException("url must be an absolute http or https URL, not '" + given + "'")));
        var criteria = new ArticleSearch.Criteria(canonicalUrl, topics, match.equals("any"), Optional.ofNullable(provider),
                QueryParameters.instant("from", from), QueryParameters.instant("to", to), Optional.ofNullable(type));
        return search.newest(criteria, Optional.ofNullable(cursor), limit).map(page -> {
            List<ObjectNode> items = page.articles().stream().map(representation::toJson).toList();
            return new ArticlePage(items, page.next());
        });
    }


    @GET
    @Path("/{id}")
    @Produces(MARKDOWN)
    @Operation(summary = "One article in the SmartableAI Markdown + YAML front matter format, as it was uploaded")
    @APIResponse(responseCode = "200", description = "The article")
    @APIResponse(responseCode = "404", description = "No article has this id")
    public Uni<String> getMarkdown(@PathParam("id") String id) {
        return find(id).map(document -> markdown.write(representation.item(document)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("catalog-admin")
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Delete an article; a tombstone on articles.cataloged tells every consumer")
    @APIResponse(responseCode = "204", description = "Deleted, and the tombstone acknowledged by the broker")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks the catalog-admin role")
    @APIResponse(responseCode = "404", description = "No article has this id")
    @APIResponse(responseCode = "503", description = "The article's last change is not announced yet (a write under way, or one a crash left unannounced): not deleted, ask again")
    public Uni<Response> delete(@PathParam("id") String id) {
        if (!CanonicalUrl.isArticleId(id)) {
            return Uni.createFrom().failure(unknown(id));
        }
        return store.delete(id).chain(deletion -> switch (deletion) {
            case DELETED -> publisher.tombstone(id).replaceWith(Response.noContent().build());
            // a deletion that stopped before its tombstone was sent is finished by the client's retry
            case DELETED_BEFORE -> publisher.tombstone(id).chain(() -> Uni.createFrom().failure(unknown(id)));
            case NOT_ANNOUNCED_YET -> Uni.createFrom().failure(new ServiceUnavailableException(
                    "the article's last change is not announced yet; delete it again in a moment", 1L));
            case UNKNOWN -> Uni.createFrom().failure(unknown(id));
        });
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One article: every field of the item as ingested, with its version and change times")
    @APIResponse(responseCode = "200", description = "The article")
    @APIResponse(responseCode = "404", description = "No article has this id")
    public Uni<ObjectNode> get(@PathParam("id") String id) {
        return find(id).map(representation::toJson);
    }

    private Uni<ArticleDocument> find(String id) {
        if (!CanonicalUrl.isArticleId(id)) {
            return Uni.createFrom().failure(unknown(id));
        }
        return repository.findById(id).onItem().ifNull().failWith(() -> unknown(id));
    }

    private static NotFoundException unknown(String id) {
        return new NotFoundException("no article has the id " + id + (CanonicalUrl.isArticleId(id) ? ""
                : " (article ids are 32 hexadecimal digits)"));
    }
}
