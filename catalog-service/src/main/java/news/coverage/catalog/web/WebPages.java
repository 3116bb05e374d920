package news.coverage.catalog.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.coverage.article.CanonicalUrl;
import news.coverage.catalog.article.ArticleDocument;
import news.coverage.catalog.article.ArticleRepository;
import news.coverage.catalog.article.ArticleRepresentation;
import news.coverage.catalog.article.ArticleSearch;
import news.coverage.catalog.article.Facets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pages a person browses the coverage with, rendered here from the catalog and from recommend-service's answers
 * (asked server-side: the browser talks to this service alone).
 */
@Path("/")
@Tag(name = "web pages")
@Produces(WebPages.HTML)
public class WebPages {

    static final String HTML = "text/html;charset=utf-8";
    private static final int PAGE_SIZE = 20;
    private static final int BOX_CANDIDATES = 20;
    private static final int STORY_REPORTS = 100;
    /** Word searches look as far back as recommend-service lets them, from the newest article that is asked for. */
    private static final String SEARCH_WINDOW = "P3650D";
    private static final Duration CATALOG_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(WebPages.class);

    private final ArticleRepository repository;
    private final ArticleSearch search;
    private final Facets facets;
    private final ArticleRepresentation representation;
    private final RecommendClient recommend;
    private final IngestClient ingest;
    private final ObjectMapper json;

    public WebPages(ArticleRepository repository, ArticleSearch search, Facets facets,
            ArticleRepresentation representation, @RestClient RecommendClient recommend,
            @RestClient IngestClient ingest, ObjectMapper json) {
        this.repository = repository;
        this.search = search;
        this.facets = facets;
        this.representation = representation;
        this.recommend = recommend;
        this.ingest = ingest;
        this.json = json;
    }

    @GET
    @Operation(summary = "Web page: the newest articles, by topic, outlet and days, page by page; or a search by words or URL")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "303", description = "A URL search found its article: its page")
    public Uni<Response> home(@QueryParam("q") String query, @QueryParam("topic") String topic,
            @QueryParam("provider") String provider, @QueryParam("from") String fromDay,
            @QueryParam("to") String toDay, @QueryParam("cursor") String cursor) {
        String words = blankToNull(query);
        String chosenTopic = blankToNull(topic);
        String chosenProvider = blankToNull(provider);
        DateRange range;
        String problem = null;
        try {
            range = DateRange.of(fromDay, toDay);
        } catch (IllegalArgumentException e) {
            range = DateRange.of(null, null);
            problem = e.getMessage();
        }
        DateRange days = range;
        String message = problem;
        Uni<List<Facets.Count>> topics = facets.topics(days.from(), days.to());
        Uni<List<Facets.Count>> providers = facets.providers(days.from(), days.to());
        Uni<Listing> listing;
        if (words != null && CanonicalUrl.parse(words).isPresent()) {
            listing = byUrl(words);
        } else if (words != null) {
            listing = byWords(words, chosenTopic, chosenProvider, days);
        } else {
            listing = newest(chosenTopic, chosenProvider, days, cursor);
        }
        return Uni.combine().all().unis(topics, providers, listing).asTuple().chain(found -> {
            Listing list = found.getItem3();
            if (list.redirect() != null) {
                return Uni.createFrom().item(Response.seeOther(list.redirect()).build());
            }
            return page(Templates.home(new HomePage(words, chosenTopic, chosenProvider, days, found.getItem1(),
                    found.getItem2(), list.heading(), list.articles(), list.nextPage(),
                    message != null ? message : list.message())), Response.Status.OK);
        });
    }

    @GET
    @Path("web/articles/{id}")
    @Operation(summary = "Web page: an article, its related-coverage box, its story on a timeline and its editorial links")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "404", description = "No article has this id: a page that says so")
    public Uni<Response> article(@PathParam("id") String id) {
        return withArticle(id, article -> {
            Uni<StoryPanel> story = recommend.storyOf(id, STORY_REPORTS).map(found -> StoryPanel.of(found, id))
                    .onFailure().recoverWithItem(failure -> StoryPanel.missing(status(failure) == 404
                            ? "This article is not grouped into a story yet."
                            : "Its story cannot be shown right now: recommend-service did not answer ("
                                    + reason(failure) + ")"));
            return Uni.combine().all().unis(box(article), story).asTuple()
                    .chain(parts -> page(Templates.article(article, parts.getItem1(), parts.getItem2()),
                            Response.Status.OK));
        });
    }

    @GET
    @Path("web/articles/{id}/box")
    @Operation(summary = "Web page part: an article's related-coverage box alone, which a new article's page asks for until it fills")
    @APIResponse(responseCode = "200", description = "The box")
    @APIResponse(responseCode = "404", description = "No article has this id")
    public Uni<Response> box(@PathParam("id") String id) {
        return withArticle(id, article -> box(article)
                .chain(box -> page(Templates.article$box(article, box), Response.Status.OK)));
    }

    @GET
    @Path("web/stories")
    @Operation(summary = "Web page: the largest stories of a period, each with its outlets and time span")
    @APIResponse(responseCode = "200", description = "The page")
    public Uni<Response> stories(@QueryParam("from") String fromDay, @QueryParam("to") String toDay) {
        DateRange range;
        try {
            range = DateRange.of(fromDay, toDay);
        } catch (IllegalArgumentException e) {
            return page(Templates.stories(DateRange.of(null, null), List.of(), e.getMessage()), Response.Status.OK);
        }
        DateRange days = range;
        return recommend.largest(days.from().map(Instant::toString).orElse(null),
                days.to().map(Instant::toString).orElse(null), 20, 8)
                .chain(found -> page(Templates.stories(days, found, found.isEmpty()
                        ? "No story has two reports or more in this period." : null), Response.Status.OK))
                .onFailure().recoverWithUni(failure -> page(Templates.stories(days, List.of(),
                        "Stories cannot be shown right now: recommend-service did not answer (" + reason(failure)
                                + ")"), Response.Status.OK));
    }

    @GET
    @Path("web/stories/{id}")
    @Operation(summary = "Web page: a story, every outlet's report on a timeline")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "404", description = "No story has this id: a page that says so")
    public Uni<Response> story(@PathParam("id") String id) {
        return recommend.story(id, STORY_REPORTS)
                .chain(found -> page(Templates.story(found, Timeline.of(found.articles(), null)), Response.Status.OK))
                .onFailure().recoverWithUni(failure -> status(failure) == 404
                        ? problem("No such story", "No story has the id " + id + ".", Response.Status.NOT_FOUND)
                        : problem("Story unavailable", "The story cannot be shown right now: recommend-service did "
                                + "not answer (" + reason(failure) + ").", Response.Status.BAD_GATEWAY));
    }

    @GET
    @Path("web/upload")
    @Operation(summary = "Web page: the form to upload a file of articles with a bearer token")
    @APIResponse(responseCode = "200", description = "The page")
    public Uni<Response> uploadForm() {
        return page(Templates.upload(List.of(), null), Response.Status.OK);
    }

    @POST
    @Path("web/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Web page: uploads each file through ingest-service's /uploads with the token given, and shows what became of each item")
    @APIResponse(responseCode = "200", description = "The page with each file's items: accepted (with a link), or why not")
    public Uni<Response> upload(@RestForm("token") String token, @RestForm("file") List<FileUpload> files) {
        String bearer = token == null ? "" : token.strip();
        List<FileUpload> chosen = files == null ? List.of()
                : files.stream().filter(file -> file.fileName() != null && !file.fileName().isBlank()).toList();
        if (bearer.isEmpty() || chosen.isEmpty()) {
            return page(Templates.upload(List.of(), bearer.isEmpty()
                    ? "Uploading needs a bearer token with the ingest role (deploy/local-run prints one)."
                    : "Choose a file to upload."), Response.Status.OK);
        }
        return Multi.createFrom().iterable(chosen).onItem().transformToUniAndConcatenate(file -> send(bearer, file))
                .collect().asList()
                .chain(outcomes -> page(Templates.upload(outcomes, null), Response.Status.OK));
    }

    /** One file through ingest, then whether the catalog holds each accepted item. */
    private Uni<UploadOutcome> send(String bearer, FileUpload file) {
        return ingest.upload("Bearer " + bearer, file)
                .onFailure(WebApplicationException.class)
                .recoverWithItem(failure -> ((WebApplicationException) failure).getResponse())
                .map(response -> UploadOutcome.of(file.fileName(), response.getStatus(), body(response)))
                .onFailure().recoverWithItem(failure -> new UploadOutcome(file.fileName(),
                        "ingest-service could not be reached (" + reason(failure) + "); try again", List.of()))
                .chain(outcome -> Multi.createFrom().iterable(outcome.items())
                        .onItem().transformToUniAndConcatenate(item -> item.accepted() && item.id() != null
                                ? awaitCataloged(item.id()).map(item::asCataloged)
                                : Uni.createFrom().item(item))
                        .collect().asList()
                        .map(items -> new UploadOutcome(outcome.file(), outcome.problem(), items)));
    }

    /** An accepted item reaches the catalog within moments; the page links it once it is there. */
    private Uni<Boolean> awaitCataloged(String id) {
        return Uni.createFrom().deferred(() -> repository.findById(id))
                .onItem().ifNull().failWith(NotCatalogedYet::new)
                .onFailure(NotCatalogedYet.class).retry().withBackOff(Duration.ofMillis(50), Duration.ofMillis(250))
                .expireIn(CATALOG_WAIT.toMillis())
                .map(document -> true)
                .onFailure().recoverWithItem(false);
    }

    private static final class NotCatalogedYet extends RuntimeException {
        NotCatalogedYet() {
            super(null, null, false, false);
        }
    }

    private JsonNode body(Response response) {
        try {
            String text = response.readEntity(String.class);
            return text == null || text.isBlank() ? null : json.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    private Uni<CoverageBox> box(ArticleView article) {
        Instant now = Instant.now();
        return recommend.related(article.id(), BOX_CANDIDATES)
                .map(coverage -> CoverageBox.of(article.publishedAt(), article.firstSeenAt(), coverage, now))
                .onFailure().recoverWithItem(failure -> status(failure) == 404
                        ? CoverageBox.notIndexed(article.firstSeenAt(), now)
                        : CoverageBox.unavailable(reason(failure)));
    }

    /** A page of the newest articles that meet the filters. */
    private Uni<Listing> newest(String topic, String provider, DateRange days, String cursor) {
        return search.newest(criteria(topic, provider, days), Optional.ofNullable(blankToNull(cursor)), PAGE_SIZE).map(page -> {
            String heading = topic == null && provider == null && days.from().isEmpty() && days.to().isEmpty()
                    ? "Latest coverage" : "Latest coverage, filtered";
            List<ArticleView> articles = page.articles().stream().map(this::view).toList();
            String next = page.next() == null ? null : "/?" + query("topic", topic) + query("provider", provider)
                    + query("from", days.fromDay()) + query("to", days.toDay()) + "cursor=" + page.next();
            return new Listing(heading, articles, next, articles.isEmpty() ? "No article matches these filters." : null,
                    null);
        }).onFailure(WebApplicationException.class).recoverWithItem(failure -> new Listing("Latest coverage",
                List.of(), null, "That page cannot be found again; start from the newest articles.", null));
    }

    private Uni<Listing> byUrl(String url) {
        Optional<String> canonical = CanonicalUrl.of(url);
        if (canonical.isEmpty()) {
            return Uni.createFrom().item(new Listing("Search", List.of(), null,
                    "A URL search needs an absolute http or https URL.", null));
        }
        var criteria = new ArticleSearch.Criteria(canonical, List.of(), false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
        return search.newest(criteria, Optional.empty(), 1).map(page -> page.articles().isEmpty()
                ? new Listing("Search", List.of(), null, "No article of the catalog has the URL " + url + ".", null)
                : new Listing(null, List.of(), null, null, URI.create("/web/articles/" + page.articles().get(0).id)));
    }

    /**
     * The articles that share the words, within the filters: recommend-service's answer for a draft with the words as
     * its title, published when the newest article of the filters was (its ranking weighs nearness in time).
     */
    private Uni<Listing> byWords(String words, String topic, String provider, DateRange days) {
        return search.newest(criteria(topic, provider, days), Optional.empty(), 1).chain(newest -> {
            if (newest.articles().isEmpty()) {
                return Uni.createFrom().item(new Listing("Articles about “" + words + "”", List.of(), null,
                        "No article matches these filters.", null));
            }
            String at = newest.articles().get(0).publishedAt.toString();
            return recommend.search(words, topic, provider, provider == null ? null : "same", at, SEARCH_WINDOW,
                            PAGE_SIZE)
                    .map(found -> found.items().stream().map(item -> new ArticleView(item.id(), item.title(), null,
                            item.url(), item.provider(), null, item.publishedDateTime(), null, null, List.of(),
                            List.of())).toList())
                    .map(articles -> new Listing("Articles about “" + words + "”", articles, null,
                            articles.isEmpty() ? "No article shares these words." : null, null))
                    .onFailure().recoverWithItem(failure -> new Listing("Search", List.of(), null,
                            "Searching by words cannot be done right now: recommend-service did not answer ("
                                    + reason(failure) + ")", null));
        });
    }

    private static ArticleSearch.Criteria criteria(String topic, String provider, DateRange days) {
        return new ArticleSearch.Criteria(Optional.empty(), topic == null ? List.of() : List.of(topic), false,
                Optional.ofNullable(provider), days.from(), days.to(), Optional.empty());
    }

    /** What the home page lists, or where it sends the reader instead. */
    private record Listing(String heading, List<ArticleView> articles, String nextPage, String message, URI redirect) {
    }

    /** The page of the catalog's article with this id, or a page that says there is none. */
    private Uni<Response> withArticle(String id, Function<ArticleView, Uni<Response>> page) {
        Uni<ArticleDocument> found = CanonicalUrl.isArticleId(id) ? repository.findById(id)
                : Uni.createFrom().nullItem();
        return found.chain(document -> document == null
                ? problem("No such article", "No article of the catalog has the id " + id + ".",
                        Response.Status.NOT_FOUND)
                : page.apply(view(document)));
    }

    private ArticleView view(ArticleDocument document) {
        return ArticleView.of(document.id, representation.toJson(document));
    }

    private static Uni<Response> problem(String title, String message, Response.Status status) {
        return page(Templates.problem(title, message), status);
    }

    private static Uni<Response> page(TemplateInstance template, Response.Status status) {
        return template.createUni().map(html -> Response.status(status).type(HTML).entity(html).build());
    }

    private static int status(Throwable failure) {
        return failure instanceof WebApplicationException web ? web.getResponse().getStatus() : 0;
    }

    /** The cause of a failed call to another service, briefly. */
    private static String reason(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            return "it answered " + web.getResponse().getStatus();
        }
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        LOG.debugf(failure, "a call to another service failed");
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static String query(String name, String value) {
        return value == null ? "" : name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8) + "&";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
