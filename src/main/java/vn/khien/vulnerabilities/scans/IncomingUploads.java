package vn.khien.vulnerabilities.scans;

import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Lets the servlet container write multipart uploads into a folder of the raw-report directory (issue 15), so a
 * report uploaded through the API or the scans page is written to disk once, by the container, and then renamed into
 * the storage ({@link LocalReportStorage#store(Upload)}) instead of being copied from the system's temporary folder
 * (often another file system, or memory). Applies only with the local storage and when
 * {@code spring.servlet.multipart.location} is not set; the container still deletes what it wrote when a request
 * ends without the file being moved.
 */
class IncomingUploads implements BeanPostProcessor, EnvironmentAware {

    private @Nullable Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof MultipartConfigElement e)
                || (e.getLocation() != null && !e.getLocation().isBlank())) {
            return bean;
        }
        Environment env = Objects.requireNonNull(environment, "set before any bean is post-processed");
        if (!"local"
                .equalsIgnoreCase(
                        env.getProperty("khien.reports.storage", "local").trim())) {
            return bean;
        }
        Path reports =
                Binder.get(env).bind("khien.scans.reports-dir", Path.class).orElse(Path.of("data", "reports"));
        Path incoming = reports.toAbsolutePath().normalize().resolve(".incoming");
        try {
            Files.createDirectories(incoming);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot create the upload folder " + incoming, ex);
        }
        return new MultipartConfigElement(
                incoming.toString(), e.getMaxFileSize(), e.getMaxRequestSize(), e.getFileSizeThreshold());
    }
}
