package org.arbiter.render.code;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import org.arbiter.json.Json;

/** The real code pairs of src/test/resources/corpus/code_pairs.jsonl. */
public record CodeCorpus(List<Pair> pairs) {
    public record Pair(String id, String language, String a, String b) {
    }

    private static final Pattern FENCE = Pattern.compile("(?m)^\\s*```[^\\n]*\\n([\\s\\S]*?)^\\s*```");

    public static CodeCorpus load() throws IOException {
        Path file = Path.of(System.getProperty("arbiter.corpus", "src/test/resources/corpus"))
                .resolve("code_pairs.jsonl");
        List<Pair> pairs = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) continue;
            JsonNode n = Json.MAPPER.readTree(line);
            pairs.add(new Pair(n.get("id").asString(), n.get("language").asString(),
                    n.get("response_a").asString(), n.get("response_b").asString()));
        }
        return new CodeCorpus(pairs);
    }

    Pair byId(String id) {
        return pairs.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** The code a reader sees: fenced blocks joined when the response is Markdown, else the response. */
    static String code(String response) {
        Matcher m = FENCE.matcher(response);
        StringBuilder b = new StringBuilder();
        while (m.find()) b.append(m.group(1));
        return b.length() > 0 ? b.toString() : response;
    }
}
