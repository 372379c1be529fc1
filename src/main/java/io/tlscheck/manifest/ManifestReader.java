package io.tlscheck.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.tlscheck.api.v1alpha1.SpecError;
import io.tlscheck.api.v1alpha1.SpecValidator;
import io.tlscheck.api.v1alpha1.TlsCheck;

/**
 * Reads TlsCheck manifests, the YAML users keep in Git, into the same model the operator
 * uses. Multi-document files are fine; documents of other kinds are passed over. A broken file
 * or document becomes an entry with errors pinned to lines; it never stops the others.
 */
public final class ManifestReader {
    /** Unknown fields are errors, as with {@code kubectl apply --validate=strict}. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final long MAX_FILE_BYTES = 4L << 20;

    private ManifestReader() {
    }

    /** Every {@code .yaml}/{@code .yml} file under the given files and directories, sorted. */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(ManifestReader::isYaml).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    public static List<ManifestEntry> read(Path file) {
        return read(file, check -> List.of());
    }

    /**
     * Reads like {@link #read(Path)} and holds each check that passes {@link SpecValidator} to
     * the reading front-end's own rules too (the sidecar refuses Service targets, for example),
     * reporting their errors the same way: pinned to the line of the field.
     */
    public static List<ManifestEntry> read(Path file, Function<TlsCheck, List<SpecError>> moreRules) {
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return List.of(fileError(file, "file is larger than 4 MiB; not a manifest?"));
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(fileError(file, "cannot read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())));
        }
        return read(file, text, moreRules);
    }

    static List<ManifestEntry> read(Path file, String text) {
        return read(file, text, check -> List.of());
    }

    private static List<ManifestEntry> read(Path file, String text, Function<TlsCheck, List<SpecError>> moreRules) {
        YamlLocations locations;
        List<JsonNode> documents = new ArrayList<>();
        try {
            locations = YamlLocations.of(text);
            try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
                while (it.hasNextValue()) {
                    documents.add(it.nextValue());
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            return List.of(new ManifestEntry(file, line, null, null,
                    List.of(file + ":" + line + ": invalid YAML: " + e.getOriginalMessage())));
        } catch (IOException e) {
            return List.of(fileError(file, "cannot parse: " + e.getMessage()));
        }
        List<ManifestEntry> entries = new ArrayList<>();
        for (int i = 0; i < documents.size() && i < locations.documentCount(); i++) {
            JsonNode document = documents.get(i);
            if (document == null || !document.isObject() || !"TlsCheck".equals(document.path("kind").asText())) {
                continue;
            }
            entries.add(toEntry(file, document, i, locations, moreRules));
        }
        return entries;
    }

    private static ManifestEntry toEntry(Path file, JsonNode document, int index, YamlLocations locations,
                                         Function<TlsCheck, List<SpecError>> moreRules) {
        int start = locations.documentLine(index);
        String name = document.path("metadata").path("name").asText(null);
        String apiVersion = document.path("apiVersion").asText("");
        if (!apiVersion.equals(TlsCheck.API_VERSION)) {
            return new ManifestEntry(file, start, name, null, List.of(file + ":" + locations.lineOf(index, "/apiVersion")
                    + ": apiVersion must be " + TlsCheck.API_VERSION + " (got '" + apiVersion + "')"));
        }
        TlsCheck check;
        try {
            check = YAML.treeToValue(document, TlsCheck.class);
        } catch (JsonMappingException e) {
            String pointer = pointer(e);
            return new ManifestEntry(file, start, name, null, List.of(file + ":" + locations.lineOf(index, pointer)
                    + ": " + pointer.substring(Math.min(1, pointer.length())).replace('/', '.') + ": "
                    + e.getOriginalMessage().split("\n")[0]));
        } catch (JsonProcessingException e) {
            return new ManifestEntry(file, start, name, null, List.of(file + ":" + start + ": " + e.getOriginalMessage()));
        }
        List<SpecError> specErrors = SpecValidator.validate(check);
        if (specErrors.isEmpty()) {
            specErrors = moreRules.apply(check);
        }
        List<String> errors = new ArrayList<>();
        for (SpecError error : specErrors) {
            errors.add(file + ":" + locations.lineOf(index, error.path()) + ": " + error);
        }
        return new ManifestEntry(file, start, name, errors.isEmpty() ? check : null, errors);
    }

    /** The JSON pointer of the field a mapping error is about. */
    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return pointer.toString();
    }

    private static ManifestEntry fileError(Path file, String message) {
        return new ManifestEntry(file, 1, null, null, List.of(file + ": " + message));
    }

    private static boolean isYaml(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
