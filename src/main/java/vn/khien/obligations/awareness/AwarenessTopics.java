package vn.khien.obligations.awareness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The subjects a campaign may have ({@value #RESOURCE}: rule data, each with its legal source). */
record AwarenessTopics(List<Topic> topics) {

    static final String RESOURCE = "rules/awareness/topics.yaml";

    record Topic(String id, String titleVi, String titleEn, String legalSource) {
        public String title(boolean english) {
            return english ? titleEn : titleVi;
        }
    }

    boolean has(String id) {
        return topics.stream().anyMatch(t -> t.id().equals(id));
    }

    List<String> ids() {
        return topics.stream().map(Topic::id).toList();
    }

    @SuppressWarnings("unchecked")
    static AwarenessTopics load() {
        try (InputStream in = AwarenessTopics.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<Topic> topics = new ArrayList<>();
            for (Object o : (List<Object>) root.get("topics")) {
                Map<String, Object> t = (Map<String, Object>) o;
                Map<String, Object> title = (Map<String, Object>) t.get("title");
                String id = String.valueOf(t.get("id"));
                if (t.get("legalSource") == null) {
                    throw new IllegalStateException(RESOURCE + ": topic " + id + " has no legalSource");
                }
                topics.add(new Topic(id, String.valueOf(title.get("vi")), String.valueOf(title.get("en")), (String)
                        t.get("legalSource")));
            }
            return new AwarenessTopics(List.copyOf(topics));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
