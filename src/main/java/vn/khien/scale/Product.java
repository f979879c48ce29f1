package vn.khien.scale;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Software found in state agencies' systems, with the CPE 2.3 or purl names warnings are matched against. */
record Product(
        String vendor,
        String product,
        @Nullable String cpeVendor,
        @Nullable String cpeProduct,
        @Nullable String purlBase,
        String[] versions) {

    static final List<Product> ALL = List.of(
            new Product("Apache", "HTTP Server", "apache", "http_server", null, new String[] {
                "2.4.49", "2.4.54", "2.4.58", "2.4.62"
            }),
            new Product("F5", "nginx", "f5", "nginx", null, new String[] {"1.18.0", "1.22.1", "1.24.0", "1.26.2"}),
            new Product("OpenSSL", "OpenSSL", "openssl", "openssl", null, new String[] {"1.1.1k", "3.0.2", "3.0.13"}),
            new Product("Apache", "Tomcat", "apache", "tomcat", null, new String[] {"8.5.72", "9.0.65", "10.1.18"}),
            new Product(
                    "Microsoft", "Exchange Server", "microsoft", "exchange_server", null, new String[] {"2016", "2019"
                    }),
            new Product("Oracle", "MySQL", "oracle", "mysql", null, new String[] {"5.7.40", "8.0.32", "8.0.36"}),
            new Product("Apache", "Log4j", null, null, "pkg:maven/org.apache.logging.log4j/log4j-core", new String[] {
                "2.14.1", "2.17.1", "2.20.0"
            }),
            new Product("jQuery", "jQuery", null, null, "pkg:npm/jquery", new String[] {"1.12.4", "3.4.1", "3.7.1"}),
            new Product("Django", "Django", null, null, "pkg:pypi/django", new String[] {"3.2.12", "4.2.7", "5.0.1"}),
            new Product(
                    "Spring", "Spring Framework", null, null, "pkg:maven/org.springframework/spring-web", new String[] {
                        "5.3.17", "5.3.31", "6.1.3"
                    }));

    @Nullable
    String cpe(String version) {
        return cpeVendor == null
                ? null
                : "cpe:2.3:a:" + cpeVendor + ":" + cpeProduct + ":" + version + ":*:*:*:*:*:*:*";
    }

    @Nullable
    String purl(String version) {
        return purlBase == null ? null : purlBase + "@" + version;
    }
}
