package vn.khien.vulnerabilities.scans;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code khien.scans.*}.
 *
 * @param maxUploadSize         larger uploads are refused with a message that names the limit
 * @param backgroundThreshold   uploads larger than this are imported in the background (202 + polling)
 * @param maxUnzippedSize       largest report a .zip may unpack to (zip-bomb protection)
 * @param maxCompressionRatio   highest compression ratio a .zip entry may have (zip-bomb protection)
 * @param reportsDir            where raw reports are kept by the local {@link ReportStorage}
 * @param backgroundThreads     imports run at the same time in the background
 * @param nodeHeartbeat         how often a running instance records that it is alive (see {@link ScanNodes})
 * @param nodeStaleAfter        an instance silent for longer is gone: its unfinished scans are marked FAILED
 * @param progressEvery         a background import writes its progress to the database every this many results
 */
@ConfigurationProperties(prefix = "khien.scans")
public record ScanProperties(
        DataSize maxUploadSize,
        DataSize backgroundThreshold,
        DataSize maxUnzippedSize,
        Double maxCompressionRatio,
        Path reportsDir,
        Integer backgroundThreads,
        Duration nodeHeartbeat,
        Duration nodeStaleAfter,
        Integer progressEvery) {

    public ScanProperties {
        maxUploadSize = maxUploadSize == null ? DataSize.ofGigabytes(2) : maxUploadSize;
        backgroundThreshold = backgroundThreshold == null ? DataSize.ofMegabytes(20) : backgroundThreshold;
        maxUnzippedSize = maxUnzippedSize == null ? DataSize.ofGigabytes(2) : maxUnzippedSize;
        maxCompressionRatio = maxCompressionRatio == null ? 100.0 : maxCompressionRatio;
        reportsDir = reportsDir == null ? Path.of("data", "reports") : reportsDir;
        backgroundThreads = backgroundThreads == null ? 1 : backgroundThreads;
        nodeHeartbeat = nodeHeartbeat == null ? Duration.ofSeconds(15) : nodeHeartbeat;
        nodeStaleAfter = nodeStaleAfter == null ? Duration.ofMinutes(2) : nodeStaleAfter;
        progressEvery = progressEvery == null ? 5_000 : progressEvery;
    }
}
