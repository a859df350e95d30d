package io.watchfloor.ruletest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads a rule test file; problems name the file, the line and the key. */
final class RuleTestLoader {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    RuleTestCase load(Path file) {
        try {
            RuleTestCase c = yaml.readValue(Files.readString(file), RuleTestCase.class);
            if (c == null || c.articles().isEmpty() && c.signals().isEmpty()) {
                throw new IllegalArgumentException(file + ": no input (give 'articles' or 'signals')");
            }
            if (c.expect().isEmpty() && c.absent().isEmpty()) {
                throw new IllegalArgumentException(file + ": nothing to check (give 'expect' or 'absent')");
            }
            return c;
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
            throw new IllegalArgumentException(file + ":" + e.getLocation().getLineNr() + ": key '" + path + "': "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ":" + (e.getLocation() == null ? 0
                    : e.getLocation().getLineNr()) + ": not valid YAML");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
