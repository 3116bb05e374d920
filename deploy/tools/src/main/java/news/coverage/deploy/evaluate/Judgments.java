package news.coverage.deploy.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Graded relevance judgments (qrels): query file, candidate file, grade; 2 same story, 1 closely related, 0 not. */
public record Judgments(Map<String, Map<String, Integer>> byQuery) {

    /** The judgments of all the files together (a pool and the judgments that complete it); a pair is graded once. */
    public static Judgments read(List<Path> qrels) throws IOException {
        Map<String, Map<String, Integer>> byQuery = new LinkedHashMap<>();
        for (Path file : qrels) {
            read(file, byQuery);
        }
        return new Judgments(byQuery);
    }

    private static void read(Path qrels, Map<String, Map<String, Integer>> byQuery) throws IOException {
        for (String line : Files.readAllLines(qrels)) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != 3) {
                throw new IOException("a judgment is query<TAB>candidate<TAB>grade, not: " + line);
            }
            Integer earlier = byQuery.computeIfAbsent(fields[0], query -> new LinkedHashMap<>())
                    .putIfAbsent(fields[1], Integer.parseInt(fields[2].strip()));
            if (earlier != null) {
                throw new IOException(qrels + " grades a pair that is graded already: " + line);
            }
        }
    }
}
