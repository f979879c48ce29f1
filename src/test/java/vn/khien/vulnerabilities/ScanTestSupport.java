package vn.khien.vulnerabilities;

import java.util.Map;
import vn.khien.support.TestData;

/** Public entry to {@link ScanFixtures} for tests in other packages (the browser journey). */
public final class ScanTestSupport {

    private ScanTestSupport() {}

    public static long system(TestData data, TestData.Org org) {
        return ScanFixtures.system(data, org);
    }

    public static byte[] nessus(Map<String, int[]> pluginsByHost) {
        return ScanFixtures.nessus(pluginsByHost);
    }
}
