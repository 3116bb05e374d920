package news.coverage.catalog.article;

import jakarta.ws.rs.BadRequestException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page ends in the stable order of the catalog (published time descending, then id descending), as an
 * opaque token: the next page starts strictly after it, so items added meanwhile neither repeat nor push others out.
 */
record PageCursor(Instant publishedAt, String id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((publishedAt.toEpochMilli() + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    static PageCursor decode(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return new PageCursor(Instant.ofEpochMilli(Long.parseLong(decoded.substring(0, colon))),
                    decoded.substring(colon + 1));
        } catch (RuntimeException e) {
            throw new BadRequestException("cursor is not one this service gave out");
        }
    }
}
