package news.coverage.catalog.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What became of an uploaded file, in words for the page: ingest's per-item results, or the problem it answered
 * with instead.
 *
 * @param file    the file's name
 * @param problem why nothing of the file was taken, absent when ingest answered item by item
 */
public record UploadOutcome(String file, String problem, List<Item> items) {

    /**
     * One item of the file.
     *
     * @param cataloged whether the catalog holds it by the time the page answers
     */
    public record Item(String source, String id, String status, List<String> errors, boolean cataloged) {

        public boolean accepted() {
            return "ACCEPTED".equals(status);
        }

        Item asCataloged(boolean isCataloged) {
            return new Item(source, id, status, errors, isCataloged);
        }
    }

    /**
     * Reads ingest's answer: a batch result (200, or 503 when the broker did not take some items) or an RFC 9457
     * problem, whose title and detail say what is wrong.
     */
    static UploadOutcome of(String file, int status, JsonNode body) {
        if (body != null && body.has("results")) {
            List<Item> items = new ArrayList<>();
            for (JsonNode result : body.get("results")) {
                List<String> errors = new ArrayList<>();
                result.path("errors").forEach(error -> errors.add(error.path("field").asText().isEmpty()
                        ? error.path("message").asText()
                        : error.path("field").asText() + ": " + error.path("message").asText()));
                items.add(new Item(result.path("source").asText(file), text(result, "id"),
                        result.path("status").asText(), errors, false));
            }
            return new UploadOutcome(file, status == 503
                    ? "The message broker did not take some items; upload the file again" : null, items);
        }
        return new UploadOutcome(file, problem(status, body), List.of());
    }

    private static String problem(int status, JsonNode body) {
        String said = body == null ? "" : body.path("detail").asText(body.path("title").asText(""));
        String meaning = switch (status) {
            case 401 -> "The token was refused";
            case 403 -> "The token may not upload";
            case 413 -> "The file is too large";
            case 415 -> "This kind of file is not taken";
            case 422 -> "The file holds no article";
            default -> status >= 500 ? "ingest-service could not take the file now; try again" : "The upload was refused";
        };
        List<String> errors = new ArrayList<>();
        if (body != null) {
            body.path("errors").forEach(error -> errors.add(error.path("field").asText() + ": "
                    + error.path("message").asText()));
        }
        String detail = said.isBlank() ? "" : ": " + said;
        return meaning + detail + (errors.isEmpty() ? "" : " (" + String.join("; ", errors) + ")");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
