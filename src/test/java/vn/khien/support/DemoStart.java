package vn.khien.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.khien.KhienApplication;

/**
 * The README's evaluation start in a test: {@code --demo} over an embedded H2 file database in a folder of the test's
 * own, a random port and no bootstrap password. The demo tests of each module start it this way and read what the
 * seeders wrote, or walk its pages as the personas.
 */
public final class DemoStart {

    private DemoStart() {}

    /** The H2 database file (without its {@code .mv.db} ending) a demo started in {@code workDir} writes. */
    public static Path database(Path workDir) {
        return workDir.resolve("data/khien");
    }

    /** Starts the application with the demo in {@code workDir}; {@code more} adds or overrides settings. */
    public static ConfigurableApplicationContext run(Path workDir, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--demo",
                "--spring.datasource.url=jdbc:h2:file:" + database(workDir)
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--khien.bootstrap.admin-password="));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(KhienApplication.class).run(args.toArray(String[]::new));
    }

    /** Where the started application answers ({@code http://127.0.0.1:<port>}). */
    public static String base(ConfigurableApplicationContext ctx) {
        return "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
    }
}
