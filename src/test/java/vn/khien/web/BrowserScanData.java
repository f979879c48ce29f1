package vn.khien.web;

import java.util.Map;
import vn.khien.support.TestData;
import vn.khien.vulnerabilities.ScanTestSupport;

/** Reuses the scans tests' generators from this package. */
final class BrowserScanData {

    private BrowserScanData() {}

    static long system(TestData data, TestData.Org org) {
        return ScanTestSupport.system(data, org);
    }

    static byte[] nessus(Map<String, int[]> pluginsByHost) {
        return ScanTestSupport.nessus(pluginsByHost);
    }
}
