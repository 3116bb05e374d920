package news.coverage.deploy.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Graded relevance judgments (qrels): query file, candidate file, grade; 2 same story, 1 closely related, 0 not. */
public record Judgments(Map<String, Map<String, Integer>> byQuery) {

    public static Judgments read(Path qrels) throws IOException {
        Map<String, Map<String, Integer>> byQuery = new LinkedHashMap<>();
        for (String line : Files.readAllLines(qrels)) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 3) {
                throw new IOException("a judgment is query<TAB>candidate<TAB>grade, not: " + line);
            }
            byQuery.computeIfAbsent(fields[0], query -> new LinkedHashMap<>())
                    .put(fields[1], Integer.parseInt(fields[2].strip()));
        }
        return new Judgments(byQuery);
    }
}
