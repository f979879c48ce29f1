package vn.khien.web;

import java.util.Map;
import vn.khien.support.TestData;

/** Reuses the scans tests' generators from this package. */
final class BrowserScanData {

    private BrowserScanData() { }

    static long system(TestData data, TestData.Org org) {
        return vn.khien.vulnerabilities.ScanTestSupport.system(data, org);
    }

    static byte[] nessus(Map<String, int[]> pluginsByHost) {
        return vn.khien.vulnerabilities.ScanTestSupport.nessus(pluginsByHost);
    }
}
