package news.coverage.ingest.upload;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import news.coverage.ingest.format.TextMetadata;
import news.coverage.problem.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The query parameters that give a plain-text article what it does not say about itself; any other parameter is a
 * 400, so that a misspelt one ({@code topic=}) is not silently ignored.
 */
public class MetadataParameters {

    private static final Set<String> NAMES = Set.of("url", "provider", "providerDomain", "publishedDateTime", "topics");

    @Context
    UriInfo uri;

    @RestQuery
    @Parameter(description = "Plain text only: the article's web address")
    String url;
    @RestQuery
    @Parameter(description = "Plain text only: the outlet's name")
    String provider;
    @RestQuery
    @Parameter(description = "Plain text only: the outlet's domain (default: the URL's host without www.)")
    String providerDomain;
    @RestQuery
    @Parameter(description = "Plain text only: publication time, ISO-8601 with offset")
    String publishedDateTime;
    @RestQuery
    @Parameter(description = "Plain text only: topics, repeated or comma-separated")
    List<String> topics;

    TextMetadata toMetadata() {
        QueryParameters.requireOnly(uri.getQueryParameters(), NAMES);
        List<String> topicList = topics == null ? List.of() : topics.stream()
                .flatMap(topic -> Arrays.stream(topic.split(",")))
                .map(String::strip)
                .filter(topic -> !topic.isEmpty())
                .toList();
        return new TextMetadata(url, provider, providerDomain, publishedDateTime, topicList);
    }
}
