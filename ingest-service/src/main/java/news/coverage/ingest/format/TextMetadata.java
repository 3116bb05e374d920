package news.coverage.ingest.format;

import java.util.List;

/**
 * What a plain-text article does not say about itself, given as query parameters of the upload.
 *
 * @param url               its web address ({@code url})
 * @param provider          the outlet's name ({@code provider})
 * @param providerDomain    the outlet's domain ({@code providerDomain}); the URL's host without {@code www.} if absent
 * @param publishedDateTime when it was published, ISO-8601 with offset ({@code publishedDateTime})
 * @param topics            its topics ({@code topics}, repeated or comma-separated)
 */
public record TextMetadata(String url, String provider, String providerDomain, String publishedDateTime,
        List<String> topics) {

    public static final TextMetadata NONE = new TextMetadata(null, null, null, null, List.of());
}
