package vn.khien.warnings.demo;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khien.access.ActingAs;
import vn.khien.systems.SystemsDemoReady;
import vn.khien.warnings.advisories.AdvisoryImportService;

/**
 * The advisory library of {@code --demo} (ADR 0073): the national competent body's appraiser
 * ({@code demo.quocgia.thamdinh}, whose body is designated and so may import) imports two small files through the
 * real import, audited: an excerpt of the CISA KEV catalogue (FortiOS CVE-2024-21762, Citrix Bleed CVE-2023-4966,
 * Apache HTTP Server CVE-2021-41773) and an NVD API 2.0 page (FortiOS CVE-2024-21762 with its version ranges, and
 * the Linux kernel CVE-2024-1086, which the hospital HIS's re-scan still reports). So the appraiser has a library to
 * review ({@code /advisories}: KEV only, by severity, by date), and the national coordinator ({@code demo.dieuphoi})
 * finds the kernel flaw under "in my systems" with no warning yet, to publish as a warning. Runs once
 * ({@code @Order(19)}), while the library is empty.
 */
@Component
class AdvisoriesDemoData {
    private static final Logger LOG = LoggerFactory.getLogger(AdvisoriesDemoData.class);
    static final String APPRAISER = "demo.quocgia.thamdinh";
    static final List<String> FILES = List.of("demo/advisories/kev-demo.json", "demo/advisories/nvd-demo.json");

    private final JdbcClient jdbc;
    private final AdvisoryImportService imports;

    AdvisoriesDemoData(JdbcClient jdbc, AdvisoryImportService imports) {
        this.jdbc = jdbc;
        this.imports = imports;
    }

    @EventListener
    @Order(19)
    public void seedWhenSystemsReady(SystemsDemoReady ready) {
        long held = jdbc.sql("SELECT COUNT(*) FROM advisory").query(Long.class).single();
        Long appraiser = jdbc.sql("SELECT id FROM app_user WHERE username = :u")
                .param("u", APPRAISER)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (held > 0 || appraiser == null) {
            return;
        }
        ActingAs.run(appraiser, APPRAISER, () -> {
            if (!imports.mayImport()) {
                LOG.warn("Demo advisories not imported: {} may not import (no designation of its body).", APPRAISER);
                return null;
            }
            for (String file : FILES) {
                ClassPathResource r = new ClassPathResource(file);
                imports.importFeed(r.getFilename(), r::getInputStream);
            }
            return null;
        });
        LOG.warn(
                "Demo advisories imported by {}: {} advisories in the library.",
                APPRAISER,
                jdbc.sql("SELECT COUNT(*) FROM advisory").query(Long.class).single());
    }
}
