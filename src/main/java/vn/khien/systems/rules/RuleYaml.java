package vn.khien.systems.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Loads rule YAML from the classpath with SnakeYAML's safe constructor (rule files are data, never code). */
public final class RuleYaml {

    private RuleYaml() {}

    public static YamlMap loadClasspath(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = RuleYaml.class.getClassLoader();
        }
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new RuleDataException("rule file not found on classpath: " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader, resource);
        } catch (IOException e) {
            throw new RuleDataException("cannot read rule file " + resource, e);
        }
    }

    public static YamlMap parse(Reader reader, String name) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (RuntimeException e) {
            throw new RuleDataException("malformed YAML in " + name + ": " + e.getMessage(), e);
        }
        return YamlMap.asMap(document, name);
    }
}
