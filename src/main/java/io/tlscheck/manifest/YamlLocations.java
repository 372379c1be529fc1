package io.tlscheck.manifest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Line numbers for every field of every document in a YAML text, by JSON pointer
 * ({@code /spec/port}), taken from the YAML parser's own token locations. Lets errors found
 * after parsing (spec validation, type mismatches) name the line a person must edit.
 */
final class YamlLocations {
    private final List<Map<String, Integer>> documents;

    private YamlLocations(List<Map<String, Integer>> documents) {
        this.documents = documents;
    }

    static YamlLocations of(String yaml) throws IOException {
        List<Map<String, Integer>> documents = new ArrayList<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            Map<String, Integer> current = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                int line = parser.currentTokenLocation().getLineNr();
                if (startsDocument(parser, token)) {
                    current = new HashMap<>();
                    documents.add(current);
                    current.put("", line);
                }
                if (current == null) {
                    continue;
                }
                if (token == JsonToken.FIELD_NAME) {
                    current.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), line);
                } else if (token.isStructStart() || token.isScalarValue()) {
                    current.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), line);
                }
            }
        }
        return new YamlLocations(documents);
    }

    /** A value whose parent is the root: the first token of a new YAML document. */
    private static boolean startsDocument(JsonParser parser, JsonToken token) {
        JsonStreamContext context = parser.getParsingContext();
        if (token.isStructStart()) {
            return context.getParent() != null && context.getParent().inRoot();
        }
        return token.isScalarValue() && context.inRoot();
    }

    int documentCount() {
        return documents.size();
    }

    /** Line of the document's first token. */
    int documentLine(int document) {
        return documents.get(document).getOrDefault("", 1);
    }

    /**
     * Line of {@code pointer} in a document, or of its nearest ancestor that exists (a missing
     * field is reported where its parent is).
     */
    int lineOf(int document, String pointer) {
        Map<String, Integer> lines = documents.get(document);
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return documentLine(document);
            }
            p = p.substring(0, slash);
        }
    }
}
